import { useEffect } from 'react';
import { actionFor, type PlayerAction } from './keys';

/**
 * The review keys, on the whole page while the player is shown. Text fields and the volume slider
 * keep their keys; the speed list keeps those that operate it; anywhere else (the seek bar too)
 * the review keys work. Escape closes the open key list.
 */
export function useReviewKeys(run: (action: PlayerAction) => void, helpOpen: boolean, closeHelp: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input:not([aria-label="Seek"]), textarea, [contenteditable=true]')) return;
      if (target?.closest('select') && [' ', 'Enter', 'ArrowUp', 'ArrowDown'].includes(event.key)) return;
      if (helpOpen && event.key === 'Escape') {
        closeHelp();
        return;
      }
      const action = actionFor(event);
      if (!action) return;
      event.preventDefault();
      run(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [run, helpOpen, closeHelp]);
}
