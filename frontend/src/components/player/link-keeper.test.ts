import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LinkKeeper, RELEASE_MS, renewalDelay, type MediaLike, type StreamLink } from './link-keeper';

/** A media element that loads at once and plays by the test's clock: enough to follow what the keeper does. */
class FakeVideo extends EventTarget implements MediaLike {
  src = '';
  currentTime = 0;
  playbackRate = 1;
  paused = true;
  muted = false;
  volume = 1;
  error: { code: number } | null = null;
  loads = 0;

  load() {
    this.loads++;
    this.error = null;
    if (!this.src) return;
    queueMicrotask(() => this.dispatchEvent(new Event('loadedmetadata')));
  }

  play() {
    this.paused = false;
    this.dispatchEvent(new Event('play'));
    return Promise.resolve();
  }

  pause() {
    this.paused = true;
    this.dispatchEvent(new Event('pause'));
  }

  removeAttribute(name: string) {
    if (name === 'src') this.src = '';
  }

  /** What a real element does when the current time is set: a seek that ends a moment later. */
  static watchSeeks(video: FakeVideo) {
    let time = 0;
    Object.defineProperty(video, 'currentTime', {
      get: () => time,
      set: (value: number) => {
        time = value;
        queueMicrotask(() => video.dispatchEvent(new Event('seeked')));
      },
    });
  }

  fail() {
    this.error = { code: 2 };
    this.dispatchEvent(new Event('error'));
  }

  tick(seconds: number) {
    this.currentTime += seconds * this.playbackRate;
    this.dispatchEvent(new Event('timeupdate'));
  }
}

const T0 = Date.parse('2026-12-01T10:00:00Z');

describe('LinkKeeper', () => {
  let links: StreamLink[];
  let fetchLink: ReturnType<typeof vi.fn<() => Promise<StreamLink>>>;
  let videos: [FakeVideo, FakeVideo];

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    links = [];
    fetchLink = vi.fn(() => {
      const link = {
        url: `/api/videos/v/proxy?expires=${links.length}`,
        // every link lasts 20 s from when it is handed out
        expires_at: new Date(Date.now() + 20_000).toISOString(),
        previews_url: null,
      };
      links.push(link);
      return Promise.resolve(link);
    });
    videos = [new FakeVideo(), new FakeVideo()];
    videos.forEach((video) => FakeVideo.watchSeeks(video));
  });

  afterEach(() => vi.useRealTimers());

  it('renews at 75 % of a link lifetime', () => {
    expect(renewalDelay(T0, new Date(T0 + 20_000).toISOString())).toBe(15_000);
    expect(renewalDelay(T0, new Date(T0 + 3_600_000).toISOString())).toBe(2_700_000);
    expect(renewalDelay(T0, new Date(T0 - 5_000).toISOString())).toBe(1_000);
  });

  it('hands over to the other element with a new link at the same position, speed and playing', async () => {
    const states: { active: number; link?: StreamLink; message: string }[] = [];
    const keeper = new LinkKeeper(videos, fetchLink, (state) => states.push(state));
    await keeper.start();
    expect(videos[0].src).toBe('/api/videos/v/proxy?expires=0');
    await videos[0].play();
    videos[0].playbackRate = 4;
    videos[0].dispatchEvent(new Event('ratechange'));
    videos[0].tick(3);

    await vi.advanceTimersByTimeAsync(14_999);
    expect(fetchLink).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);

    expect(fetchLink).toHaveBeenCalledTimes(2);
    expect(keeper.element).toBe(videos[1]);
    expect(videos[1].src).toBe('/api/videos/v/proxy?expires=1');
    expect(videos[1].currentTime).toBe(12);
    expect(videos[1].playbackRate).toBe(4);
    expect(videos[1].paused).toBe(false);
    expect(videos[0].paused).toBe(true);
    expect(videos[0].src).toBe('/api/videos/v/proxy?expires=0');
    await vi.advanceTimersByTimeAsync(RELEASE_MS);
    expect(videos[0].src).toBe('');
    expect(states.at(-1)).toMatchObject({ active: 1, link: { url: '/api/videos/v/proxy?expires=1' }, message: '' });

    // and again 15 s after the second link was handed out
    await vi.advanceTimersByTimeAsync(15_000 - RELEASE_MS);
    expect(fetchLink).toHaveBeenCalledTimes(3);
    expect(keeper.element).toBe(videos[0]);
    keeper.stop();
  });

  it('keeps a paused video paused where it was when it renews', async () => {
    const keeper = new LinkKeeper(videos, fetchLink, () => undefined);
    await keeper.start();
    videos[0].currentTime = 7.3;
    videos[0].dispatchEvent(new Event('seeked'));

    await vi.advanceTimersByTimeAsync(15_000);

    expect(keeper.element).toBe(videos[1]);
    expect(videos[1].currentTime).toBe(7.3);
    expect(videos[1].paused).toBe(true);
    keeper.stop();
  });

  it('after an error fetches a new link and restores position, speed and paused or playing', async () => {
    const changes: string[] = [];
    const links: (string | undefined)[] = [];
    const keeper = new LinkKeeper(videos, fetchLink, (state) => {
      changes.push(state.message);
      links.push(state.link?.url);
    });
    await keeper.start();
    await videos[0].play();
    videos[0].playbackRate = 16;
    videos[0].dispatchEvent(new Event('ratechange'));
    videos[0].tick(2);
    // the element resets itself when its source fails
    videos[0].playbackRate = 1;
    videos[0].paused = true;
    videos[0].fail();
    await vi.advanceTimersByTimeAsync(0);

    expect(fetchLink).toHaveBeenCalledTimes(2);
    expect(videos[0].src).toBe('/api/videos/v/proxy?expires=1');
    expect(videos[0].currentTime).toBe(32);
    expect(videos[0].playbackRate).toBe(16);
    expect(videos[0].paused).toBe(false);
    expect(links.at(-1)).toBe('/api/videos/v/proxy?expires=1');
    expect(changes).toContain('Reconnecting…');
    expect(changes.at(-1)).toBe('');
    keeper.stop();
  });

  it('keeps trying while the server cannot be reached, and a paused video stays paused', async () => {
    const keeper = new LinkKeeper(videos, fetchLink, () => undefined);
    await keeper.start();
    videos[0].currentTime = 4;
    videos[0].dispatchEvent(new Event('seeked'));
    fetchLink.mockRejectedValueOnce(new Error('offline')).mockRejectedValueOnce(new Error('offline'));

    videos[0].fail();
    await vi.advanceTimersByTimeAsync(0);
    expect(videos[0].src).toBe('/api/videos/v/proxy?expires=0');
    await vi.advanceTimersByTimeAsync(6_000);

    expect(fetchLink).toHaveBeenCalledTimes(4);
    expect(videos[0].src).toBe('/api/videos/v/proxy?expires=1');
    expect(videos[0].currentTime).toBe(4);
    expect(videos[0].paused).toBe(true);
    keeper.stop();
  });

  it('stops renewing once stopped', async () => {
    const keeper = new LinkKeeper(videos, fetchLink, () => undefined);
    await keeper.start();
    keeper.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchLink).toHaveBeenCalledTimes(1);
  });
});
