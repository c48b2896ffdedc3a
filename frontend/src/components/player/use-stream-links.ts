import { useEffect, useState, type RefObject } from 'react';
import { LinkKeeper, type StreamLink } from './link-keeper';

export interface StreamLinks<L> {
  /** Which of the two elements is on screen. */
  active: number;
  /** The link it plays; null until the first one came. */
  link: L | null;
  /** What to tell the viewer (reconnecting, cannot play); empty when all is well. */
  message: string;
}

/** Two elements that take turns on links that renew themselves ({@link LinkKeeper}). */
export function useStreamLinks<L extends StreamLink>(
  elements: [RefObject<HTMLVideoElement | null>, RefObject<HTMLVideoElement | null>],
  fetchLink: () => Promise<L>,
): StreamLinks<L> {
  const [state, setState] = useState<StreamLinks<L>>({ active: 0, link: null, message: '' });
  const [first, second] = elements;
  useEffect(() => {
    if (!first.current || !second.current) return;
    const keeper = new LinkKeeper<L>([first.current, second.current], fetchLink, (change) =>
      setState((before) => ({ active: change.active, link: change.link ?? before.link, message: change.message })),
    );
    keeper
      .start()
      .catch((error: unknown) =>
        setState((before) => ({ ...before, message: error instanceof Error ? error.message : 'The video cannot be played.' })),
      );
    return () => keeper.stop();
  }, [first, second, fetchLink]);
  return state;
}
