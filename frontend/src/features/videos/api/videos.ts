import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';

const FINAL = ['completed', 'failed'];

export const pinVideosQuery = (mallId: string, pinId: string, offset: number) =>
  queryOptions({
    queryKey: ['malls', mallId, 'pins', pinId, 'videos', { offset }],
    queryFn: () =>
      unwrap(
        api.GET('/api/malls/{mall_id}/pins/{pin_id}/videos', {
          params: { path: { mall_id: mallId, pin_id: pinId }, query: { limit: 50, offset } },
        }),
      ),
    // refreshed while any row is still on its way
    refetchInterval: (query) =>
      query.state.data?.videos.some((video) => video.upload_status === 'uploading' || !FINAL.includes(video.processing_status))
        ? 3_000
        : false,
  });

export const usePinVideos = (mallId: string, pinId: string, offset: number) =>
  useQuery(pinVideosQuery(mallId, pinId, offset));

export const videoQuery = (videoId: string) =>
  queryOptions({
    queryKey: ['videos', videoId],
    queryFn: () => unwrap(api.GET('/api/videos/{video_id}', { params: { path: { video_id: videoId } } })),
    refetchInterval: (query) =>
      query.state.data && query.state.data.upload_status !== 'failed' && !FINAL.includes(query.state.data.processing_status)
        ? 3_000
        : false,
  });

export const useVideo = (videoId: string) => useQuery(videoQuery(videoId));

export const streamUrlQuery = (videoId: string) =>
  queryOptions({
    queryKey: ['videos', videoId, 'stream-url'],
    queryFn: () => unwrap(api.GET('/api/videos/{video_id}/stream-url', { params: { path: { video_id: videoId } } })),
    staleTime: 60_000,
  });

export const useStreamUrl = (videoId: string, enabled: boolean) => useQuery({ ...streamUrlQuery(videoId), enabled });
