import type { Clip } from './api/timeline';

/** A clip of the timeline API as the tests need it: from `start` to `end`, processed unless said otherwise. */
export const testClip = (id: string, start: string, end: string, processing_status: Clip['processing_status'] = 'completed'): Clip => ({
  video_id: id,
  filename: `${id}.mp4`,
  start,
  end,
  duration_seconds: (Date.parse(end) - Date.parse(start)) / 1000,
  recorded_at_source: 'operator',
  processing_status,
  has_proxy: processing_status === 'completed',
  poster_url: '',
});
