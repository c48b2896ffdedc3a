import { useEffect, useState } from 'react';
import { parsePreviews, type PreviewCue } from './previews';

/** The scrub previews' cues, read again with each new link: their links expire with the stream's. */
export function usePreviewCues(previewsUrl: string | null | undefined): PreviewCue[] {
  const [cues, setCues] = useState<PreviewCue[]>([]);
  useEffect(() => {
    if (!previewsUrl) return;
    let current = true;
    fetch(previewsUrl)
      .then((response) => (response.ok ? response.text() : ''))
      .then((text) => current && setCues(parsePreviews(text)))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [previewsUrl]);
  return cues;
}
