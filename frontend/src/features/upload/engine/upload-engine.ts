import type { components } from '../../../lib/api/schema';
import type { Journal, JournalEntry } from './journal';
import { journalKey } from './journal';
import { Throughput } from './throughput';

/** The server side of an upload, as the engine needs it (see `server.ts` for the real one). */
export interface UploadServer {
  initiate(request: InitiateRequest): Promise<InitiateAnswer>;
  signParts(videoId: string, partNumbers: number[]): Promise<SignedParts>;
  storedParts(videoId: string): Promise<StoredPart[]>;
  complete(
    videoId: string,
    receipts: PartReceipt[],
  ): Promise<Pick<Schemas['Completed'], 'job_id'> & Partial<Pick<Schemas['Completed'], 'recorded_at' | 'recorded_at_source'>>>;
  abort(videoId: string): Promise<void>;
  job(jobId: string): Promise<JobView>;
  /** A link to PUT an empty body to, to learn whether the storage lets this page upload. */
  storageCheck(): Promise<StorageCheck>;
}

type Schemas = components['schemas'];

export type StorageCheck = Schemas['StorageCheck'];

export type InitiateRequest = Schemas['InitiateRequest'];

/**
 * The answer to initiate as the engine reads it: a file the pin has already, or an upload to send.
 * The API's `duplicate` is a plain boolean; here it tells the two apart.
 */
export type InitiateAnswer =
  | ({ duplicate: true } & Pick<Schemas['AlreadyUploaded'], 'video_id'>)
  | ({ duplicate: false } & Pick<
      Schemas['UploadStarted'],
      'video_id' | 'part_size_bytes' | 'total_parts' | 'presigned_urls' | 'expires_at' | 'resumed'
    >);

export type SignedParts = Schemas['SignedParts'];

export type StoredPart = Schemas['StoredPartView'];

export type PartReceipt = Schemas['PartReceipt'];

export type JobView = Pick<Schemas['JobResponse'], 'status' | 'progress' | 'error_message'>;

/** An error whose sentence the person should read; `status` is the HTTP status when there was one. */
export interface SentencedError {
  status?: number;
  message: string;
}

/** A chosen file; `handle` is set by react-dropzone when it came from `showOpenFilePicker`. */
export type UploadFile = Blob & { name: string; lastModified: number; handle?: FileSystemFileHandle };

export type Phase =
  | 'ready'
  | 'hashing'
  | 'initiating'
  | 'uploading'
  | 'paused'
  | 'completing'
  | 'queued'
  | 'processing'
  | 'complete'
  | 'failed'
  | 'duplicate'
  | 'cancelled';

export const FINAL_PHASES: readonly Phase[] = ['complete', 'failed', 'duplicate', 'cancelled'];

export interface UploadState {
  phase: Phase;
  checksumPercent: number;
  bytesStored: number;
  totalBytes: number;
  partsStored: number;
  totalParts: number | null;
  bytesPerSecond: number | null;
  secondsLeft: number | null;
  processingPercent: number | null;
  videoId: string | null;
  jobId: string | null;
  /** Once complete: the recording time, the operator's or else the file's own; null when neither is known. */
  recordedAt: string | null;
  recordedAtSource: 'operator' | 'file' | null;
  /** Why it failed, in the server's words where the server said why. */
  error: string | null;
  /** A transient trouble being retried, shown while it lasts. */
  notice: string | null;
  pausedBy: 'user' | 'offline' | null;
  /** The server checked the bytes against the checksum (a mismatch fails the video). */
  verified: boolean;
  /** Parts that were already stored when this run began (a resumed upload). */
  resumedParts: number;
}

export interface EngineOptions {
  server: UploadServer;
  journal: Journal;
  /** Sends one part; the real one is `fetch` with no credentials and no form content type. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  hash: (file: UploadFile, onProgress: (fraction: number) => void, signal: AbortSignal) => Promise<string>;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  concurrency?: number;
  /** A part that made no progress this long is abandoned and sent again (doubling each time). */
  stallMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  pollMs?: number;
  /** URLs are signed again when they have less than this left. */
  urlMarginMs?: number;
  /** How many part URLs one signing request asks for: the server's `signing_batch` (client settings). */
  signBatch: number;
  /** The page's own origin, named when the storage refuses it. */
  pageOrigin?: string;
}

export interface UploadRequest {
  file: UploadFile;
  mallId: string;
  pinId: string;
  recordedAt: string | null;
  operatorNotes: string;
}

/** A file's state before anything was done with it. */
export function initialState(totalBytes: number): UploadState {
  return {
    phase: 'ready',
    checksumPercent: 0,
    bytesStored: 0,
    totalBytes,
    partsStored: 0,
    totalParts: null,
    bytesPerSecond: null,
    secondsLeft: null,
    processingPercent: null,
    videoId: null,
    jobId: null,
    recordedAt: null,
    recordedAtSource: null,
    error: null,
    notice: null,
    pausedBy: null,
    verified: false,
    resumedParts: 0,
  };
}

class Stopped extends Error {}

class Fatal extends Error {}

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * One file's upload, from checksum to a processed video. Plain TypeScript with its I/O passed in,
 * so that every rule below is tested with a fake `fetch`:
 * - parts go straight to S3, `concurrency` at a time, each retried with jittered exponential
 *   back-off; a part that stalls is abandoned and sent again; a 403 (expired URL) is re-signed;
 * - no transient failure aborts the multipart upload: only {@link cancel} does, once;
 * - a journal entry lets a reload resume: the checksum is not computed again and the parts the
 *   server already stores are skipped.
 */
export class FileUpload {
  readonly key: string;

  private state: UploadState;

  private readonly listeners = new Set<(state: UploadState) => void>();

  private readonly options: Required<Omit<EngineOptions, 'server' | 'journal' | 'fetch' | 'hash'>> &
    Pick<EngineOptions, 'server' | 'journal' | 'fetch' | 'hash'>;

  private readonly throughput = new Throughput();

  private readonly urls = new Map<number, { url: string; expiresAt: number }>();

  private readonly receipts = new Map<number, PartReceipt>();

  private partSize = 0;

  private stop = new AbortController();

  private resumeSignal: (() => void) | null = null;

  private signing: Promise<void> = Promise.resolve();

  private cancelling: Promise<void> | null = null;

  private running: Promise<void> | null = null;

  /** Whether a part reached the storage from this page: until then a part that cannot reach it asks why. */
  private partSent = false;

  private checking: Promise<void> | null = null;

  constructor(
    readonly request: UploadRequest,
    options: EngineOptions,
  ) {
    this.key = journalKey(request.pinId, request.file);
    this.options = {
      now: () => Date.now(),
      random: Math.random,
      sleep: defaultSleep,
      concurrency: 4,
      stallMs: 30_000,
      backoffBaseMs: 1_000,
      backoffMaxMs: 30_000,
      pollMs: 3_000,
      urlMarginMs: 60_000,
      pageOrigin: globalThis.location?.origin ?? 'this page',
      ...options,
    };
    this.state = initialState(request.file.size);
  }

  snapshot(): UploadState {
    return this.state;
  }

  subscribe(listener: (state: UploadState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs the whole upload; resolves at a final phase (or when it is cancelled). */
  start(): Promise<void> {
    this.running ??= this.run();
    return this.running;
  }

  pause(by: 'user' | 'offline' = 'user') {
    const { phase } = this.state;
    if (phase !== 'uploading' && phase !== 'initiating' && !(phase === 'paused' && by === 'user')) return;
    this.set({ phase: 'paused', pausedBy: by, notice: null, bytesPerSecond: null, secondsLeft: null });
    this.stop.abort();
  }

  /** Resumes a paused upload; an offline pause resumes only when `by` is 'offline' or the user asks. */
  resume(by: 'user' | 'offline' = 'user') {
    if (this.state.phase !== 'paused') return;
    if (by === 'offline' && this.state.pausedBy !== 'offline') return;
    this.stop = new AbortController();
    this.set({ phase: 'uploading', pausedBy: null });
    this.resumeSignal?.();
  }

  /** The user's cancel: stops everything and aborts the multipart upload on the server, once. */
  cancel(): Promise<void> {
    this.cancelling ??= (async () => {
      const videoId = this.state.videoId;
      const wasFinal = FINAL_PHASES.includes(this.state.phase) || this.state.phase === 'queued' || this.state.phase === 'processing';
      if (wasFinal) return;
      this.stop.abort();
      this.set({ phase: 'cancelled', notice: null, pausedBy: null });
      this.resumeSignal?.();
      if (videoId) {
        await this.options.server.abort(videoId);
      }
      await this.options.journal.remove(this.key);
    })();
    return this.cancelling;
  }

  private get cancelled() {
    return this.state.phase === 'cancelled';
  }

  private set(patch: Partial<UploadState>) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  private async run() {
    try {
      await this.checkStorage();
      if (this.cancelled) return;
      const journalled = await this.options.journal.find(this.key);
      const checksum = journalled?.checksum ?? (await this.checksum());
      if (this.cancelled) return;
      await this.upload(checksum, journalled);
      if (this.state.phase !== 'queued') return;
      await this.process();
    } catch (error) {
      if (this.cancelled) return;
      this.set({ phase: 'failed', error: sentenceOf(error), notice: null, bytesPerSecond: null, secondsLeft: null });
    }
  }

  /**
   * One small PUT to the storage through the same CORS rules as the parts: a page whose origin the
   * storage refuses, or that cannot reach it at all, learns it before a byte of the file is sent,
   * with the settings to fix, instead of retrying forever. Shared by the parts that ask at once.
   */
  private checkStorage(): Promise<void> {
    this.checking ??= (async () => {
      try {
        const check = await this.untilDone(() => this.options.server.storageCheck());
        const response = await this.options
          .fetch(check.url, { method: 'PUT', body: new Blob([]), credentials: 'omit' })
          .catch(() => null);
        if (response?.ok && response.headers.get('ETag')) return;
        const storage = new URL(check.url).origin;
        if (response && !response.ok) {
          throw new Fatal(
            `The storage at ${storage} refused a test upload from this page (HTTP ${response.status}): check S3_PUBLIC_ENDPOINT and the storage's credentials.`,
          );
        }
        throw new Fatal(unreachableSentence(storage, this.options.pageOrigin));
      } finally {
        this.checking = null;
      }
    })();
    return this.checking;
  }

  private async checksum(): Promise<string> {
    this.set({ phase: 'hashing', checksumPercent: 0 });
    const checksum = await this.options.hash(
      this.request.file,
      (fraction) => this.set({ checksumPercent: Math.floor(fraction * 100) }),
      this.stop.signal,
    );
    this.set({ checksumPercent: 100 });
    return checksum;
  }

  private async upload(checksum: string, journalled: JournalEntry | undefined) {
    const { file } = this.request;
    this.set({ phase: 'initiating' });
    const answer = await this.untilDone(() =>
      this.options.server.initiate({
        filename: file.name,
        file_size_bytes: file.size,
        checksum_sha256: checksum,
        metadata: {
          recorded_at: this.request.recordedAt ?? journalled?.recordedAt ?? undefined,
          operator_notes: this.request.operatorNotes || journalled?.operatorNotes || undefined,
        },
      }),
    );
    if (this.cancelled) return;
    if (answer.duplicate) {
      await this.options.journal.remove(this.key);
      this.set({ phase: 'duplicate', videoId: answer.video_id });
      return;
    }
    this.partSize = answer.part_size_bytes;
    this.set({ videoId: answer.video_id, totalParts: answer.total_parts });
    this.remember(answer.presigned_urls, answer.expires_at);
    await this.options.journal.put({
      key: this.key,
      fileName: file.name,
      fileSize: file.size,
      lastModified: file.lastModified,
      checksum,
      videoId: answer.video_id,
      mallId: this.request.mallId,
      pinId: this.request.pinId,
      totalParts: answer.total_parts,
      recordedAt: this.request.recordedAt ?? journalled?.recordedAt ?? null,
      operatorNotes: this.request.operatorNotes || journalled?.operatorNotes || '',
      startedAt: journalled?.startedAt ?? this.options.now(),
      handle: file.handle ?? journalled?.handle,
    });
    if (this.cancelled) return;
    if (answer.resumed) {
      const stored = await this.untilDone(() => this.options.server.storedParts(answer.video_id));
      for (const part of stored) this.receipts.set(part.part_number, { part_number: part.part_number, etag: part.etag });
      this.set({ resumedParts: this.receipts.size });
    }
    this.updateProgress();
    if (this.state.phase === 'initiating') this.set({ phase: 'uploading' });

    while (this.receipts.size < answer.total_parts) {
      if (this.cancelled) return;
      if (this.state.phase === 'paused') {
        await this.resumed();
        continue;
      }
      await this.sendMissingParts(answer.total_parts);
    }
    if (this.cancelled) return;
    this.set({ phase: 'completing', notice: null, bytesPerSecond: null, secondsLeft: null });
    const receipts = [...this.receipts.values()].sort((a, b) => a.part_number - b.part_number);
    const completed = await this.untilDone(() => this.options.server.complete(answer.video_id, receipts));
    await this.options.journal.remove(this.key);
    this.set({
      phase: 'queued',
      jobId: completed.job_id,
      recordedAt: completed.recorded_at ?? null,
      recordedAtSource: completed.recorded_at_source ?? null,
    });
  }

  private resumed(): Promise<void> {
    return new Promise((resolve) => {
      this.resumeSignal = () => {
        this.resumeSignal = null;
        resolve();
      };
    });
  }

  private async sendMissingParts(totalParts: number) {
    const missing: number[] = [];
    for (let part = 1; part <= totalParts; part++) if (!this.receipts.has(part)) missing.push(part);
    const workers = Array.from({ length: Math.min(this.options.concurrency, missing.length) }, async () => {
      for (let next = missing.shift(); next !== undefined; next = missing.shift()) {
        if (this.stop.signal.aborted) return;
        await this.sendPart(next, missing);
      }
    });
    const results = await Promise.allSettled(workers);
    const fatal = results.find((result) => result.status === 'rejected');
    if (fatal && !(fatal.reason instanceof Stopped)) throw fatal.reason;
  }

  private async sendPart(part: number, upcoming: number[]) {
    const { file } = this.request;
    const start = (part - 1) * this.partSize;
    const body = file.slice(start, Math.min(file.size, start + this.partSize));
    let failures = 0;
    let stalls = 0;
    let refusals = 0;
    for (;;) {
      if (this.stop.signal.aborted) throw new Stopped();
      let url: string;
      try {
        url = await this.urlFor(part, upcoming);
      } catch (error) {
        if (isFatal(error)) throw new Fatal(sentenceOf(error));
        failures++;
        await this.backOff(failures, `Signing part ${part} failed (${sentenceOf(error)})`);
        continue;
      }
      if (this.stop.signal.aborted) throw new Stopped();
      const attempt = new AbortController();
      const stopAttempt = () => attempt.abort();
      this.stop.signal.addEventListener('abort', stopAttempt);
      let stalled = false;
      const stallTimer = setTimeout(() => {
        stalled = true;
        attempt.abort();
      }, this.options.stallMs * 2 ** stalls);
      let response: Response | null = null;
      try {
        response = await this.options.fetch(url, { method: 'PUT', body, credentials: 'omit', signal: attempt.signal });
      } catch {
        response = null;
      } finally {
        clearTimeout(stallTimer);
        this.stop.signal.removeEventListener('abort', stopAttempt);
      }
      if (this.stop.signal.aborted) throw new Stopped();
      if (response?.ok) {
        const etag = response.headers.get('ETag');
        if (!etag) throw new Fatal('The storage answered without an ETag header; its CORS rules must expose ETag.');
        this.partSent = true;
        this.receipts.set(part, { part_number: part, etag });
        this.updateProgress();
        if (this.state.notice) this.set({ notice: null });
        return;
      }
      if (response?.status === 403) {
        // an expired or otherwise refused URL: sign it again, at once
        this.urls.delete(part);
        refusals++;
        if (refusals <= 2) continue;
      }
      if (response?.status === 404) {
        throw new Fatal(
          'The storage no longer knows this upload (it was cancelled or expired): cancel it and upload the file again.',
        );
      }
      if (response && response.status >= 400 && response.status < 500 && ![403, 408, 429].includes(response.status)) {
        throw new Fatal(`The storage refused part ${part} (HTTP ${response.status}).`);
      }
      if (!response && !stalled && !this.partSent) {
        // no part of this upload ever got through from this page: the storage may refuse it
        await this.checkStorage();
      }
      if (stalled) stalls++;
      failures++;
      const why = stalled
        ? 'made no progress'
        : response
          ? `got HTTP ${response.status}`
          : 'could not reach the storage';
      await this.backOff(failures, `Part ${part} ${why}`);
    }
  }

  private async backOff(failures: number, what: string) {
    const ceiling = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (failures - 1));
    const delay = Math.round(ceiling / 2 + (this.options.random() * ceiling) / 2);
    this.set({ notice: `${what}; retrying in ${Math.max(1, Math.round(delay / 1000))} s (attempt ${failures + 1}).` });
    await this.options.sleep(delay, this.stop.signal);
  }

  /** A fresh URL for the part, signing it (with the next parts) shortly before it is used. */
  private async urlFor(part: number, upcoming: number[]): Promise<string> {
    const fresh = (n = part) => {
      const known = this.urls.get(n);
      return known && known.expiresAt - this.options.now() > this.options.urlMarginMs ? known.url : null;
    };
    const cached = fresh();
    if (cached) return cached;
    const previous = this.signing;
    let release!: () => void;
    this.signing = new Promise((resolve) => (release = resolve));
    try {
      await previous;
      const signedMeanwhile = fresh();
      if (signedMeanwhile) return signedMeanwhile;
      const wanted = [part, ...upcoming.filter((n) => !this.receipts.has(n) && !fresh(n))].slice(0, this.options.signBatch);
      const signed = await this.options.server.signParts(this.state.videoId!, wanted);
      this.remember(signed.presigned_urls, signed.expires_at);
      const url = fresh();
      if (!url) throw new Fatal(`The server did not sign part ${part}.`);
      return url;
    } finally {
      release();
    }
  }

  private remember(urls: { part_number: number; url: string }[], expiresAt: string) {
    const expires = Date.parse(expiresAt);
    for (const { part_number, url } of urls) this.urls.set(part_number, { url, expiresAt: expires });
  }

  private updateProgress() {
    const { file } = this.request;
    const totalParts = this.state.totalParts ?? 0;
    let bytes = 0;
    for (const part of this.receipts.keys()) {
      bytes += part === totalParts ? file.size - (totalParts - 1) * this.partSize : this.partSize;
    }
    const now = this.options.now();
    this.throughput.record(now, bytes);
    this.set({
      bytesStored: bytes,
      partsStored: this.receipts.size,
      bytesPerSecond: this.throughput.bytesPerSecond(),
      secondsLeft: this.throughput.secondsLeft(file.size - bytes),
    });
  }

  /** Calls the server until it answers; a failure that says why (4xx) ends the upload. */
  private async untilDone<T>(call: () => Promise<T>): Promise<T> {
    for (let failures = 0; ; ) {
      try {
        return await call();
      } catch (error) {
        if (isFatal(error) || this.cancelled) throw error;
        failures++;
        await this.backOff(failures, `The server could not be reached (${sentenceOf(error)})`);
        if (this.state.phase === 'paused') await this.resumed();
        if (this.cancelled) throw new Stopped();
      }
    }
  }

  private async process() {
    const jobId = this.state.jobId!;
    const neverStops = new AbortController().signal;
    for (;;) {
      let job: JobView | null = null;
      try {
        job = await this.options.server.job(jobId);
      } catch (error) {
        if (isFatal(error)) throw error;
      }
      if (job?.status === 'completed') {
        this.set({ phase: 'complete', processingPercent: 100, verified: true, notice: null });
        return;
      }
      if (job?.status === 'failed' || job?.status === 'cancelled') {
        // an operator's job carries ffmpeg's last lines after the sentence: the page shows the sentence
        const sentence = job.error_message?.split('\n')[0];
        this.set({ phase: 'failed', error: sentence || `Processing was ${job.status}.`, notice: null });
        return;
      }
      if (job) {
        this.set({
          phase: job.status === 'running' ? 'processing' : 'queued',
          processingPercent: job.status === 'running' ? (job.progress ?? 0) : null,
        });
      }
      await this.options.sleep(this.options.pollMs, neverStops);
    }
  }
}

/** What the page says when the storage cannot be reached from it, naming the settings that decide it. */
export function unreachableSentence(storageOrigin: string, pageOrigin: string): string {
  return (
    `Uploads cannot reach the storage at ${storageOrigin} from this page (${pageOrigin}): ` +
    'the storage must allow this origin (PUBLIC_BASE_URL) and be reachable at S3_PUBLIC_ENDPOINT.'
  );
}

function sentenceOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return String(error);
}

/** A 4xx from our API, or an error the engine raised itself, will not get better by retrying. */
function isFatal(error: unknown): boolean {
  if (error instanceof Fatal) return true;
  const status = (error as SentencedError | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429;
}
