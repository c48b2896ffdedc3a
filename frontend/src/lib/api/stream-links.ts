import { api, unwrap } from './client';

/** A signed link that plays a video's proxy (with its poster and scrub previews), for any feature with a player. */
export const fetchStreamLink = (videoId: string) =>
  unwrap(api.GET('/api/videos/{video_id}/stream-url', { params: { path: { video_id: videoId } } }));
