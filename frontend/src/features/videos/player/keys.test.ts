import { describe, expect, it } from 'vitest';
import { actionFor, KEY_HELP, nextSpeed, SPEEDS } from './keys';

describe('the review keys', () => {
  it('map each key of the list to its action', () => {
    expect(actionFor({ key: ' ' })).toEqual({ type: 'toggle-play' });
    expect(actionFor({ key: 'k' })).toEqual({ type: 'toggle-play' });
    expect(actionFor({ key: 'j' })).toEqual({ type: 'seek-by', seconds: -10 });
    expect(actionFor({ key: 'l' })).toEqual({ type: 'seek-by', seconds: 10 });
    expect(actionFor({ key: 'ArrowLeft' })).toEqual({ type: 'seek-by', seconds: -5 });
    expect(actionFor({ key: 'ArrowRight' })).toEqual({ type: 'seek-by', seconds: 5 });
    expect(actionFor({ key: 'ArrowLeft', shiftKey: true })).toEqual({ type: 'seek-by', seconds: -30 });
    expect(actionFor({ key: 'ArrowRight', shiftKey: true })).toEqual({ type: 'seek-by', seconds: 30 });
    expect(actionFor({ key: ',' })).toEqual({ type: 'frame', frames: -1 });
    expect(actionFor({ key: '.' })).toEqual({ type: 'frame', frames: 1 });
    expect(actionFor({ key: '[' })).toEqual({ type: 'speed', step: -1 });
    expect(actionFor({ key: ']' })).toEqual({ type: 'speed', step: 1 });
    expect(actionFor({ key: 'f' })).toEqual({ type: 'fullscreen' });
    expect(actionFor({ key: 'M' })).toEqual({ type: 'mute' });
    expect(actionFor({ key: '?' })).toEqual({ type: 'help' });
    expect(actionFor({ key: '0' })).toEqual({ type: 'jump', fraction: 0 });
    expect(actionFor({ key: '7' })).toEqual({ type: 'jump', fraction: 0.7 });
  });

  it('leave other keys and the browser shortcuts alone', () => {
    expect(actionFor({ key: 'x' })).toBeNull();
    expect(actionFor({ key: 'Tab' })).toBeNull();
    expect(actionFor({ key: 'l', ctrlKey: true })).toBeNull();
    expect(actionFor({ key: 'f', metaKey: true })).toBeNull();
    expect(actionFor({ key: 'ArrowLeft', altKey: true })).toBeNull();
  });

  it('step through the speeds from 0.25× to 16× and stop at the ends', () => {
    expect(SPEEDS).toEqual([0.25, 0.5, 1, 2, 4, 8, 16]);
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(1, -1)).toBe(0.5);
    expect(nextSpeed(8, 1)).toBe(16);
    expect(nextSpeed(16, 1)).toBe(16);
    expect(nextSpeed(0.25, -1)).toBe(0.25);
    expect(nextSpeed(3, 1)).toBe(4);
    expect(nextSpeed(3, -1)).toBe(2);
  });

  it('are all listed in the help overlay', () => {
    const listed = KEY_HELP.map((row) => row.keys).join(' ');
    for (const key of ['Space', 'K', 'J', 'L', '←', '→', 'Shift', ',', '.', '[', ']', 'F', 'M', '0 – 9', '?']) {
      expect(listed).toContain(key);
    }
  });
});
