import { useQuery } from '@tanstack/react-query';
import { cueAt, usePreviewCues } from '../../components/player';
import { fetchStreamLink } from '../../lib/api/stream-links';
import type { Clip } from './api/timeline';
import type { Placed } from './playback';

/** The scrub preview tile of the moment under the pointer (the clip's poster until its previews came). */
export function HoverPreview({ clip, ms }: { clip: Placed<Clip>; ms: number }) {
  const link = useQuery({
    queryKey: ['videos', clip.clip.video_id, 'stream-link'],
    queryFn: () => fetchStreamLink(clip.clip.video_id),
    enabled: clip.clip.has_proxy,
    staleTime: 5 * 60_000,
  });
  const cues = usePreviewCues(link.data?.previews_url);
  const cue = cueAt(cues, (ms - clip.start) / 1000);
  if (cue) {
    return (
      <div
        className="seek-tile"
        data-testid="timeline-preview-tile"
        style={{ width: cue.width, height: cue.height, backgroundImage: `url("${cue.image}")`, backgroundPosition: `-${cue.x}px -${cue.y}px` }}
      />
    );
  }
  return clip.clip.poster_url ? <img className="timeline-poster" src={clip.clip.poster_url} alt="" /> : null;
}
