import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api/client';

export type PinActivity = Schemas['PinActivity'];

/** A video's activity per second (0–255); empty while it has no motion index. */
export const useVideoActivity = (videoId: string) =>
  useQuery({
    queryKey: ['motion', 'video', videoId],
    queryFn: () => unwrap(api.GET('/api/videos/{video_id}/activity', { params: { path: { video_id: videoId } } })),
  });

/** The strongest activity per bucket of a pin's window, across its clips. */
export const usePinActivity = (mallId: string, pinId: string, from: number, to: number, buckets: number) =>
  useQuery({
    queryKey: ['motion', 'pin', pinId, from, to, buckets],
    enabled: to > from && buckets > 0,
    queryFn: () =>
      unwrap(
        api.GET('/api/malls/{mall_id}/pins/{pin_id}/activity', {
          params: {
            path: { mall_id: mallId, pin_id: pinId },
            query: { from: new Date(from).toISOString(), to: new Date(to).toISOString(), buckets: String(buckets) },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });

export type MotionSearchResult = Schemas['MotionSearchResult'];

/** A still of the pin to draw regions on: the poster of its latest processed video. */
export const usePinStill = (mallId: string, pinId: string) =>
  useQuery({
    queryKey: ['motion', 'still', pinId],
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/api/malls/{mall_id}/pins/{pin_id}/videos', {
          params: { path: { mall_id: mallId, pin_id: pinId }, query: { limit: 1, status: 'completed' } },
        }),
      );
      return (page.videos[0]?.poster_url) ?? null;
    },
  });

export const searchMotion = (mallId: string, pinId: string, body: Schemas['MotionSearchRequest']) =>
  unwrap(api.POST('/api/malls/{mall_id}/pins/{pin_id}/motion-search', { params: { path: { mall_id: mallId, pin_id: pinId } }, body }));
