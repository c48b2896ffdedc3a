import { describe, expect, it } from 'vitest';
import { actionFor, KEY_HELP, KEY_TABLE, nextSpeed, SPEEDS } from './keys';

describe('the review keys', () => {
  it('do what each row of the table binds them to, none shadowed by another row', () => {
    let bound = 0;
    for (const row of KEY_TABLE) {
      for (const binding of row.bindings) {
        for (const key of binding.keys) {
          const shiftKey = binding.shift ?? key !== key.toLowerCase();
          expect(actionFor({ key, shiftKey }), `${row.label}: ${key}`).toEqual(binding.action);
          bound++;
        }
      }
    }
    expect(bound).toBeGreaterThanOrEqual(30);
  });

  it('are the keys the overlay lists, line for line', () => {
    expect(KEY_HELP.map((line) => line.keys)).toEqual(KEY_TABLE.map((row) => row.label));
    expect(KEY_HELP).toContainEqual({ keys: 'Shift + ← / →', does: 'Back / forward 30 s' });
    const listed = KEY_HELP.map((row) => row.keys).join(' ');
    for (const key of ['Space', 'K', 'J', 'L', '←', '→', 'Shift', ',', '.', '[', ']', 'F', 'M', '0 – 9', '?']) {
      expect(listed).toContain(key);
    }
  });

  it('mean what the review keys of other players mean', () => {
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
});
