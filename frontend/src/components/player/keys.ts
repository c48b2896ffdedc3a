/**
 * The review keys of the player, as one table: each row is a line of the `?` overlay and the keys
 * it binds to their actions. `actionFor` (the key switch), `KEY_HELP` (the overlay) and the key
 * test are all read from it.
 */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;

export type PlayerAction =
  | { type: 'toggle-play' }
  | { type: 'seek-by'; seconds: number }
  | { type: 'frame'; frames: 1 | -1 }
  | { type: 'speed'; step: 1 | -1 }
  | { type: 'fullscreen' }
  | { type: 'mute' }
  | { type: 'jump'; fraction: number }
  | { type: 'mark'; which: 'in' | 'out' }
  | { type: 'motion'; direction: 1 | -1 }
  | { type: 'help' };

export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export interface KeyBinding {
  /** `KeyboardEvent.key` values. */
  keys: string[];
  /** true: only with Shift; false: only without; absent: either. */
  shift?: boolean;
  action: PlayerAction;
}

export interface KeyRow {
  /** The keys as the overlay shows them. */
  label: string;
  does: string;
  bindings: KeyBinding[];
}

const digits: KeyBinding[] = Array.from({ length: 10 }, (_, digit) => ({
  keys: [String(digit)],
  action: { type: 'jump', fraction: digit / 10 },
}));

export const KEY_TABLE: KeyRow[] = [
  { label: 'Space or K', does: 'Play or pause', bindings: [{ keys: [' ', 'k', 'K'], action: { type: 'toggle-play' } }] },
  {
    label: 'J / L',
    does: 'Back / forward 10 s',
    bindings: [
      { keys: ['j', 'J'], action: { type: 'seek-by', seconds: -10 } },
      { keys: ['l', 'L'], action: { type: 'seek-by', seconds: 10 } },
    ],
  },
  {
    label: '← / →',
    does: 'Back / forward 5 s',
    bindings: [
      { keys: ['ArrowLeft'], shift: false, action: { type: 'seek-by', seconds: -5 } },
      { keys: ['ArrowRight'], shift: false, action: { type: 'seek-by', seconds: 5 } },
    ],
  },
  {
    label: 'Shift + ← / →',
    does: 'Back / forward 30 s',
    bindings: [
      { keys: ['ArrowLeft'], shift: true, action: { type: 'seek-by', seconds: -30 } },
      { keys: ['ArrowRight'], shift: true, action: { type: 'seek-by', seconds: 30 } },
    ],
  },
  {
    label: ', / .',
    does: 'One frame back / forward (while paused)',
    bindings: [
      { keys: [','], action: { type: 'frame', frames: -1 } },
      { keys: ['.'], action: { type: 'frame', frames: 1 } },
    ],
  },
  {
    label: '[ / ]',
    does: 'Slower / faster (0.25× to 16×)',
    bindings: [
      { keys: ['['], action: { type: 'speed', step: -1 } },
      { keys: [']'], action: { type: 'speed', step: 1 } },
    ],
  },
  { label: 'F', does: 'Fullscreen', bindings: [{ keys: ['f', 'F'], action: { type: 'fullscreen' } }] },
  { label: 'M', does: 'Mute or unmute', bindings: [{ keys: ['m', 'M'], action: { type: 'mute' } }] },
  { label: '0 – 9', does: 'Jump to 0 % – 90 %', bindings: digits },
  {
    label: 'N / Shift + N',
    does: 'Next motion / Previous motion',
    bindings: [
      { keys: ['n', 'N'], shift: false, action: { type: 'motion', direction: 1 } },
      { keys: ['n', 'N'], shift: true, action: { type: 'motion', direction: -1 } },
    ],
  },
  {
    label: 'I / O',
    does: 'Mark In / Out for an export',
    bindings: [
      { keys: ['i', 'I'], action: { type: 'mark', which: 'in' } },
      { keys: ['o', 'O'], action: { type: 'mark', which: 'out' } },
    ],
  },
  { label: '?', does: 'Show or hide this list', bindings: [{ keys: ['?'], action: { type: 'help' } }] },
];

/** The overlay's lines. */
export const KEY_HELP: { keys: string; does: string }[] = KEY_TABLE.map((row) => ({ keys: row.label, does: row.does }));

/** What a key press asks the player to do; null for keys the player leaves alone (and shortcuts of the browser). */
export function actionFor(press: KeyPress): PlayerAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  for (const row of KEY_TABLE) {
    for (const binding of row.bindings) {
      if (!binding.keys.includes(press.key)) continue;
      if (binding.shift !== undefined && binding.shift !== !!press.shiftKey) continue;
      return binding.action;
    }
  }
  return null;
}

/** The next speed of the list from the current one, staying at its ends. */
export function nextSpeed(current: number, step: 1 | -1): number {
  const index = SPEEDS.findIndex((speed) => speed >= current - 1e-9);
  const at = index === -1 ? SPEEDS.length - 1 : index;
  const exact = Math.abs(SPEEDS[at] - current) < 1e-9;
  const next = step === 1 ? (exact ? at + 1 : at) : at - 1;
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, next))];
}
