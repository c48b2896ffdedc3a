/// <reference lib="webworker" />
import { createSHA256 } from 'hash-wasm';

/**
 * SHA-256 of a file in 8 MiB slices: only one slice is in memory at a time, whatever the file's
 * size. Posts `{progress}` as it goes and `{checksum}` (hex) at the end.
 */
const CHUNK = 8 * 1024 * 1024;

self.onmessage = async (event: MessageEvent<{ file: Blob }>) => {
  try {
    const { file } = event.data;
    const hasher = await createSHA256();
    hasher.init();
    let lastReport = 0;
    for (let offset = 0; offset < file.size; offset += CHUNK) {
      const chunk = new Uint8Array(await file.slice(offset, Math.min(file.size, offset + CHUNK)).arrayBuffer());
      hasher.update(chunk);
      const now = performance.now();
      if (now - lastReport > 100) {
        lastReport = now;
        self.postMessage({ progress: Math.min(1, (offset + chunk.length) / file.size) });
      }
    }
    self.postMessage({ checksum: hasher.digest('hex') });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
