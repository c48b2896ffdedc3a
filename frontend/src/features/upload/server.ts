import { api, unwrap, type Schemas } from '../../lib/api/client';
import type { InitiateAnswer, JobView, UploadServer } from './engine/upload-engine';

/** The upload endpoints of one pin, for the engine. */
export function uploadServer(mallId: string, pinId: string): UploadServer {
  const pin = { mall_id: mallId, pin_id: pinId };
  return {
    async initiate(request) {
      const answer = await unwrap(
        api.POST('/api/malls/{mall_id}/pins/{pin_id}/uploads/initiate', { params: { path: pin }, body: request }),
      );
      if (answer.duplicate) return { duplicate: true, video_id: answer.video_id };
      const started = answer as Schemas['UploadStarted'];
      return { ...started, duplicate: false } satisfies InitiateAnswer;
    },
    async signParts(videoId, partNumbers) {
      return unwrap(
        api.POST('/api/malls/{mall_id}/pins/{pin_id}/uploads/{video_id}/parts', {
          params: { path: { ...pin, video_id: videoId } },
          body: { part_numbers: partNumbers },
        }),
      );
    },
    async storedParts(videoId) {
      const stored = await unwrap(
        api.GET('/api/malls/{mall_id}/pins/{pin_id}/uploads/{video_id}/parts', {
          params: { path: { ...pin, video_id: videoId } },
        }),
      );
      return stored.parts;
    },
    async complete(videoId, receipts) {
      return unwrap(
        api.POST('/api/malls/{mall_id}/pins/{pin_id}/uploads/{video_id}/complete', {
          params: { path: { ...pin, video_id: videoId } },
          body: { parts: receipts },
        }),
      );
    },
    async abort(videoId) {
      await unwrap(
        api.DELETE('/api/malls/{mall_id}/pins/{pin_id}/uploads/{video_id}', {
          params: { path: { ...pin, video_id: videoId } },
        }),
      );
    },
    async storageCheck() {
      return unwrap(
        api.GET('/api/malls/{mall_id}/pins/{pin_id}/uploads/storage-check', { params: { path: pin } }),
      );
    },
    async job(jobId) {
      const job = await unwrap(api.GET('/api/analysis/jobs/{job_id}', { params: { path: { job_id: jobId } } }));
      return { status: job.status, progress: job.progress, error_message: job.error_message } satisfies JobView;
    },
  };
}

/** Parts go straight to S3: no credentials, and no form content type (it breaks the signature). */
export const sendPart = (url: string, init: RequestInit) => fetch(url, init);
