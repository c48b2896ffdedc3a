/** The review keys of the player, as one table: what a key does, and the words the `?` overlay shows. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;

/** The proxy's frame rate: one frame is 0.1 s. */
export const FRAME_SECONDS = 0.1;

export type PlayerAction =
  | { type: 'toggle-play' }
  | { type: 'seek-by'; seconds: number }
  | { type: 'frame'; frames: 1 | -1 }
  | { type: 'speed'; step: 1 | -1 }
  | { type: 'fullscreen' }
  | { type: 'mute' }
  | { type: 'jump'; fraction: number }
  | { type: 'help' };

export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** What a key press asks the player to do; null for keys the player leaves alone (and shortcuts of the browser). */
export function actionFor(press: KeyPress): PlayerAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const key = press.key;
  if (/^[0-9]$/.test(key)) return { type: 'jump', fraction: Number(key) / 10 };
  switch (key) {
    case ' ':
    case 'k':
    case 'K':
      return { type: 'toggle-play' };
    case 'j':
    case 'J':
      return { type: 'seek-by', seconds: -10 };
    case 'l':
    case 'L':
      return { type: 'seek-by', seconds: 10 };
    case 'ArrowLeft':
      return { type: 'seek-by', seconds: press.shiftKey ? -30 : -5 };
    case 'ArrowRight':
      return { type: 'seek-by', seconds: press.shiftKey ? 30 : 5 };
    case ',':
      return { type: 'frame', frames: -1 };
    case '.':
      return { type: 'frame', frames: 1 };
    case '[':
      return { type: 'speed', step: -1 };
    case ']':
      return { type: 'speed', step: 1 };
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case 'm':
    case 'M':
      return { type: 'mute' };
    case '?':
      return { type: 'help' };
    default:
      return null;
  }
}

/** The next speed of the list from the current one, staying at its ends. */
export function nextSpeed(current: number, step: 1 | -1): number {
  const index = SPEEDS.findIndex((speed) => speed >= current - 1e-9);
  const at = index === -1 ? SPEEDS.length - 1 : index;
  const exact = Math.abs(SPEEDS[at] - current) < 1e-9;
  const next = step === 1 ? (exact ? at + 1 : at) : at - 1;
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, next))];
}

export const KEY_HELP: { keys: string; does: string }[] = [
  { keys: 'Space or K', does: 'Play or pause' },
  { keys: 'J / L', does: 'Back / forward 10 s' },
  { keys: '← / →', does: 'Back / forward 5 s' },
  { keys: 'Shift + ← / →', does: 'Back / forward 30 s' },
  { keys: ', / .', does: 'One frame back / forward (while paused)' },
  { keys: '[ / ]', does: 'Slower / faster (0.25× to 16×)' },
  { keys: 'F', does: 'Fullscreen' },
  { keys: 'M', does: 'Mute or unmute' },
  { keys: '0 – 9', does: 'Jump to 0 % – 90 %' },
  { keys: '?', does: 'Show or hide this list' },
];
