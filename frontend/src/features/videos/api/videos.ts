import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { apiQuery, type ListFilters } from '../list-filters';

const FINAL = ['completed', 'failed'];

export const pinVideosQuery = (mallId: string, pinId: string, filters: ListFilters, pageSize: number) =>
  queryOptions({
    queryKey: ['malls', mallId, 'pins', pinId, 'videos', apiQuery(filters, pageSize)],
    queryFn: () =>
      unwrap(
        api.GET('/api/malls/{mall_id}/pins/{pin_id}/videos', {
          params: { path: { mall_id: mallId, pin_id: pinId }, query: apiQuery(filters, pageSize) },
        }),
      ),
    // refreshed while any row is still on its way
    refetchInterval: (query) =>
      query.state.data?.videos.some((video) => video.upload_status === 'uploading' || !FINAL.includes(video.processing_status))
        ? 3_000
        : false,
  });

/** The list waits for the server's page size (client settings). */
export const usePinVideos = (mallId: string, pinId: string, filters: ListFilters, pageSize: number | undefined) =>
  useQuery({ ...pinVideosQuery(mallId, pinId, filters, pageSize ?? 0), enabled: pageSize !== undefined });

/** A processing job's progress, followed while it runs. */
export const useJobProgress = (jobId: string | null | undefined, running: boolean) =>
  useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => unwrap(api.GET('/api/analysis/jobs/{job_id}', { params: { path: { job_id: jobId ?? '' } } })),
    enabled: !!jobId && running,
    refetchInterval: 2_000,
  });

/** Deleting or reprocessing changes the lists and the video: both are read again. */
function useVideoChange<T>(change: (videoId: string) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSettled: (_data, _error, videoId) => {
      void client.invalidateQueries({ queryKey: ['malls'] });
      void client.invalidateQueries({ queryKey: ['videos', videoId] });
    },
  });
}

export const useDeleteVideo = () =>
  useVideoChange((videoId) => unwrap(api.DELETE('/api/videos/{video_id}', { params: { path: { video_id: videoId } } })));

export const useReprocessVideo = () =>
  useVideoChange((videoId) =>
    unwrap(api.POST('/api/videos/{video_id}/reprocess', { params: { path: { video_id: videoId } } })),
  );

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

/** A new signed link to play the video (and its previews); the player asks again before it expires. */
