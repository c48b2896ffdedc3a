import { useQuery } from '@tanstack/react-query';
import { cueAt, usePreviewCues } from '../../components/player';
import { fetchStreamLink } from '../../lib/api/stream-links';

/** The scrub-preview tile of a hit's moment (the clip's previews, through its signed link); nothing while it has none. */
export function HitTile({ videoId, offset }: { videoId: string; offset: number }) {
  const link = useQuery({ queryKey: ['motion', 'link', videoId], queryFn: () => fetchStreamLink(videoId), staleTime: 10 * 60_000 });
  const cue = cueAt(usePreviewCues(link.data?.previews_url), offset);
  if (!cue) return <span className="hit-tile hit-tile-empty" aria-hidden="true" />;
  return (
    <span
      className="hit-tile"
      data-testid="hit-tile"
      aria-hidden="true"
      style={{ width: cue.width, height: cue.height, backgroundImage: `url("${cue.image}")`, backgroundPosition: `-${cue.x}px -${cue.y}px` }}
    />
  );
}
