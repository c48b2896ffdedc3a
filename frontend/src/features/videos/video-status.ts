import type { components } from '../../lib/api/schema';

type StatusFields = Pick<components['schemas']['VideoView'], 'upload_status' | 'processing_status' | 'processing_error'>;

/** A video's state in words. */
export function videoStatus(video: StatusFields): string {
  if (video.upload_status === 'uploading') return 'Uploading';
  if (video.upload_status === 'failed') return `❌ Upload failed${video.processing_error ? `: ${video.processing_error}` : ''}`;
  switch (video.processing_status) {
    case 'pending':
    case 'queued':
      return 'Processing queued…';
    case 'running':
      return 'Processing video…';
    case 'completed':
      return '✅ Complete';
    case 'failed':
      return `❌ Failed: ${video.processing_error ?? 'the server gave no reason.'}`;
  }
}
