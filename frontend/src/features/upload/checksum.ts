/** The file's SHA-256 (hex), computed in a Web Worker; aborting the signal stops the worker. */
export function sha256InWorker(
  file: Blob,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./checksum.worker.ts', import.meta.url), { type: 'module' });
    const finish = () => worker.terminate();
    signal.addEventListener('abort', () => {
      finish();
      reject(new DOMException('The checksum was stopped.', 'AbortError'));
    });
    worker.onmessage = (event: MessageEvent<{ progress?: number; checksum?: string; error?: string }>) => {
      if (event.data.progress !== undefined) onProgress(event.data.progress);
      if (event.data.checksum) {
        finish();
        resolve(event.data.checksum);
      }
      if (event.data.error) {
        finish();
        reject(new Error(`The checksum could not be computed: ${event.data.error}`));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`The checksum could not be computed: ${event.message}`));
    };
    worker.postMessage({ file });
  });
}
