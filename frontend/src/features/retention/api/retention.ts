import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api/client';

export const useRetention = (mallId: string) =>
  useQuery({
    queryKey: ['retention', mallId],
    queryFn: () => unwrap(api.GET('/api/admin/retention/malls/{mall_id}', { params: { path: { mall_id: mallId } } })),
  });

export const useRetentionPreview = (mallId: string) =>
  useQuery({
    queryKey: ['retention', mallId, 'preview'],
    queryFn: () => unwrap(api.GET('/api/admin/retention/preview', { params: { query: { mall_id: mallId } } })),
  });

export function useSetRetention() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ mallId, days }: { mallId: string; days: number | null }) =>
      unwrap(api.PUT('/api/admin/retention/malls/{mall_id}', { params: { path: { mall_id: mallId } }, body: { retention_days: days as number } })),
    onSuccess: (_, { mallId }) => client.invalidateQueries({ queryKey: ['retention', mallId] }),
  });
}

export const useVideoHolds = (videoId: string) =>
  useQuery({
    queryKey: ['videos', videoId, 'holds'],
    queryFn: async () => (await unwrap(api.GET('/api/videos/{video_id}/holds', { params: { path: { video_id: videoId } } }))).holds,
  });

/** Placing or lifting a hold changes the video's holds and every mall's retention preview. */
function useHoldChange<V, T>(change: (variables: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['videos'] });
      void client.invalidateQueries({ queryKey: ['retention'] });
    },
  });
}

export const usePlaceHold = () =>
  useHoldChange((body: Schemas['PlaceHoldRequest']) => unwrap(api.POST('/api/admin/holds', { body })));

export const useLiftHold = () =>
  useHoldChange((holdId: string) => unwrap(api.DELETE('/api/admin/holds/{hold_id}', { params: { path: { hold_id: holdId } } })));
