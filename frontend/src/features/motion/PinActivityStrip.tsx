import { ActivityStrip } from './ActivityStrip';
import { threshold } from './activity';
import { usePinActivity } from './api/motion';

/** How many buckets the strip asks for: about one per 2 px of a wide bar. */
const BUCKETS = 600;

/** Along a pin's timeline: the strongest activity of each part of the window shown, across its clips. */
export function PinActivityStrip({ mallId, pinId, from, to, sensitivity = 50 }: { mallId: string; pinId: string; from: number; to: number; sensitivity?: number }) {
  const activity = usePinActivity(mallId, pinId, Math.floor(from), Math.ceil(to), BUCKETS);
  if (!activity.data) return null;
  return (
    <div className="activity timeline-activity">
      <ActivityStrip values={activity.data.activity} limit={threshold(sensitivity)} label="Activity on the timeline" />
      {activity.data.videos_without_index > 0 && (
        <span className="muted" role="status">
          {activity.data.videos_without_index} {activity.data.videos_without_index === 1 ? 'clip has' : 'clips have'} no motion index yet
        </span>
      )}
    </div>
  );
}
