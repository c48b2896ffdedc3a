import { formatBytes } from '../../../lib/format';

export interface CandidateFile {
  name: string;
  size: number;
  type?: string;
}

/**
 * Why a file cannot be uploaded, as a sentence, or null when it can. Checked before any work
 * (no checksum, no request), with the same rules as the server: an .mp4 name, not empty, at
 * most the server's limit.
 */
export function refusalOf(file: CandidateFile, maxUploadBytes: number): string | null {
  const isMp4Name = /\.mp4$/i.test(file.name);
  const isOtherType = !!file.type && file.type !== 'video/mp4';
  if (!isMp4Name || isOtherType) {
    return `“${file.name}” is not an MP4 video: only .mp4 files can be uploaded.`;
  }
  if (file.size === 0) {
    return `“${file.name}” is empty (0 bytes): choose the recording itself.`;
  }
  if (file.size > maxUploadBytes) {
    return `“${file.name}” is ${formatBytes(file.size)}, more than the ${formatBytes(maxUploadBytes)} a file may have.`;
  }
  return null;
}
