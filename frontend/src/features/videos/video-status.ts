interface StatusFields {
  upload_status: 'uploading' | 'uploaded' | 'failed';
  processing_status: 'pending' | 'queued' | 'running' | 'completed' | 'failed';
  processing_error?: string | null;
}

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

/** HH:MM:SS */
export function clock(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const whole = Math.round(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
}
