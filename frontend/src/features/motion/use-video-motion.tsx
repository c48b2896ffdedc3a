import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { ActivityStrip } from './ActivityStrip';
import { motionJump, threshold } from './activity';
import { useVideoActivity } from './api/motion';

/**
 * What a video's player gets from its motion index: the activity strip under the seek bar (with
 * the sensitivity), and where N / Shift+N jump. While the video has no index the strip says so.
 */
export function useVideoMotion(videoId: string): { strip: ReactNode; onMotionJump?: (direction: 1 | -1, position: number) => number | null } {
  const activity = useVideoActivity(videoId);
  const [sensitivity, setSensitivity] = useState(50);
  const limit = threshold(sensitivity);
  const values = activity.data?.activity;
  const onMotionJump = useCallback(
    (direction: 1 | -1, position: number) => (values ? motionJump(values, position, limit, direction) : null),
    [values, limit],
  );
  const strip = useMemo(() => {
    if (!activity.data) return null;
    if (!activity.data.has_index) {
      return (
        <p className="muted activity-none" role="status">
          No motion index yet for this video: an admin can use “Build missing motion indexes”.
        </p>
      );
    }
    return (
      <div className="activity">
        <ActivityStrip values={activity.data.activity} limit={limit} label="Activity of this video" />
        <label className="sensitivity">
          Motion sensitivity
          <input type="range" min={1} max={100} value={sensitivity} onChange={(event) => setSensitivity(Number(event.target.value))} />
          <span aria-hidden="true">{sensitivity}</span>
        </label>
      </div>
    );
  }, [activity.data, limit, sensitivity]);
  return { strip, onMotionJump: activity.data?.has_index ? onMotionJump : undefined };
}
