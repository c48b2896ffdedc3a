import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../testing/api';
import { ContinuousPlayer, type PlayRequest } from './ContinuousPlayer';
import { place } from './playback';
import { testClip } from './test-clips';

const clip = testClip;

const placed = place([clip('first', '2026-03-29T12:00:00Z', '2026-03-29T12:00:10Z'), clip('second', '2026-03-29T12:00:10Z', '2026-03-29T12:00:20Z')]);

function show(request: PlayRequest) {
  return (
    <MemoryRouter>
      <ContinuousPlayer placed={placed} zone="Europe/Berlin" pinName="Entrance 3" request={request} onInstant={() => undefined} />
    </MemoryRouter>
  );
}

describe('ContinuousPlayer', () => {
  beforeEach(() => {
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
    vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('plays what the page asks next even after the player moved to the next clip by itself', async () => {
    fakeServer(({ path }) => ({ url: `https://s3.example/${path}`, expires_at: new Date(Date.now() + 3_600_000).toISOString() }));
    const view = render(show({ target: { clip: placed[0], offset: 2, skippedMs: 0 }, play: true, seq: 1 }));
    expect(await screen.findByText('first.mp4', { selector: 'strong' })).toBeTruthy();

    // the clip ends: the player moves to the next one by itself
    const video = await waitFor(() => {
      const shown = document.querySelector<HTMLVideoElement>('video.shown[src]');
      expect(shown).toBeTruthy();
      return shown as HTMLVideoElement;
    });
    act(() => {
      fireEvent(video, new Event('ended'));
    });
    expect(await screen.findByText('second.mp4', { selector: 'strong' })).toBeTruthy();

    // the page's second request (its own seq 2) goes back to the first clip and must not be taken for a move already made
    view.rerender(show({ target: { clip: placed[0], offset: 3, skippedMs: 0 }, play: false, seq: 2 }));
    expect(await screen.findByText('first.mp4', { selector: 'strong' })).toBeTruthy();
  });
});
