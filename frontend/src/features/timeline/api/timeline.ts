import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api/client';

export type Clip = Schemas['Clip'];
export type Gap = Schemas['Gap'];

const FINAL = ['completed', 'failed'];

/** Refreshed while a clip of the day is still being processed: it turns playable by itself. */
const whileProcessing = (clips: Clip[] | undefined) =>
  clips?.some((clip) => !FINAL.includes(clip.processing_status)) ? 5_000 : false;

export const pinTimelineQuery = (mallId: string, pinId: string, date: string) =>
  queryOptions({
    queryKey: ['malls', mallId, 'pins', pinId, 'timeline', date],
    queryFn: () =>
      unwrap(
        api.GET('/api/malls/{mall_id}/pins/{pin_id}/timeline', {
          params: { path: { mall_id: mallId, pin_id: pinId }, query: { date } },
        }),
      ),
    refetchInterval: (query) => whileProcessing(query.state.data?.clips),
  });

export const usePinTimeline = (mallId: string, pinId: string, date: string | null) =>
  useQuery({ ...pinTimelineQuery(mallId, pinId, date ?? ''), enabled: !!date });

export const mallTimelineQuery = (mallId: string, date: string) =>
  queryOptions({
    queryKey: ['malls', mallId, 'timeline', date],
    queryFn: () =>
      unwrap(api.GET('/api/malls/{mall_id}/timeline', { params: { path: { mall_id: mallId }, query: { date } } })),
    refetchInterval: (query) => whileProcessing(query.state.data?.pins.flatMap((lane) => lane.clips)),
  });

export const useMallTimeline = (mallId: string, date: string | null) =>
  useQuery({ ...mallTimelineQuery(mallId, date ?? ''), enabled: !!date });
