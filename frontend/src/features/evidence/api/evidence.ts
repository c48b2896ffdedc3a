import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api/client';

export type EvidenceExport = Schemas['ExportResponse'];
export type ExportRequest = Schemas['ExportRequest'];
export type VerificationReport = Schemas['VerificationReport'];

const active = (exports: EvidenceExport[] | undefined) =>
  !!exports?.some((one) => one.status === 'queued' || one.status === 'running');

/** An export, asked again every second while its job waits or runs. */
export const useExport = (exportId: string | null) =>
  useQuery({
    queryKey: ['exports', exportId],
    enabled: !!exportId,
    queryFn: () => unwrap(api.GET('/api/exports/{export_id}', { params: { path: { export_id: exportId! } } })),
    refetchInterval: (query) => (active(query.state.data ? [query.state.data] : undefined) ? 1000 : false),
  });

export const useMallExports = (mallId: string) =>
  useQuery({
    queryKey: ['exports', 'mall', mallId],
    queryFn: async () => (await unwrap(api.GET('/api/malls/{mall_id}/exports', { params: { path: { mall_id: mallId } } }))).exports,
    refetchInterval: (query) => (active(query.state.data) ? 1000 : false),
  });

export const useVideoExports = (videoId: string) =>
  useQuery({
    queryKey: ['exports', 'video', videoId],
    queryFn: async () => (await unwrap(api.GET('/api/videos/{video_id}/exports', { params: { path: { video_id: videoId } } }))).exports,
    refetchInterval: (query) => (active(query.state.data) ? 1000 : false),
  });

/** The video an export panel cuts from: its mall and length. */
export const useSourceVideo = (videoId: string) =>
  useQuery({
    queryKey: ['videos', videoId],
    queryFn: () => unwrap(api.GET('/api/videos/{video_id}', { params: { path: { video_id: videoId } } })),
  });

export function useCreateExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ mallId, body }: { mallId: string; body: ExportRequest }) =>
      unwrap(api.POST('/api/malls/{mall_id}/exports', { params: { path: { mall_id: mallId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['exports'] }),
  });
}

export function useDeleteExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (exportId: string) => unwrap(api.DELETE('/api/exports/{export_id}', { params: { path: { export_id: exportId } } })),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['exports'] });
      void client.invalidateQueries({ queryKey: ['videos'] });
    },
  });
}

/** Downloads the package through a fresh signed link (the browser saves it; each download is audited). */
export async function downloadPackage(exportId: string) {
  const link = await unwrap(api.GET('/api/exports/{export_id}/download-url', { params: { path: { export_id: exportId } } }));
  const anchor = document.createElement('a');
  anchor.href = link.url;
  anchor.download = '';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
}

/** Sends a package to the server's check: signature, every file's hash, its sources. */
export const verifyPackage = (file: File) =>
  unwrap(
    api.POST('/api/evidence/verify', {
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': 'application/zip' },
    }),
  );
