import { describe, expect, it, vi } from 'vitest';
import { MemoryJournal, journalKey } from './journal';
import { FileUpload, unreachableSentence, type EngineOptions, type InitiateAnswer, type JobView, type UploadServer } from './upload-engine';

const PART = 5;

/** A file of `parts` parts of 5 bytes (the last one shorter). */
function fileOf(parts: number, name = 'cam.mp4') {
  const bytes = new Uint8Array(parts * PART - 2).map((_, i) => i % 251);
  return Object.assign(new Blob([bytes], { type: 'video/mp4' }), { name, lastModified: 1_700_000_000_000 });
}

/** An S3 multipart upload and our API in memory: what a browser would see over HTTP. */
class FakeBackend implements UploadServer {
  stored = new Map<number, string>();
  signed: number[][] = [];
  aborts = 0;
  completes = 0;
  initiates = 0;
  puts: number[] = [];
  inFlight = 0;
  maxInFlight = 0;
  duplicate = false;
  resumed = false;
  jobAnswers: JobView[] = [{ status: 'completed', progress: 100, error_message: null }];
  jobPolls = 0;
  expiresInMs = 3_600_000;
  checks = 0;
  /** Decides the storage check's PUT: undefined = the storage takes it and shows its ETag. */
  onCheck: () => Promise<Response | undefined> = () => Promise.resolve(undefined);
  /** Decides each PUT: undefined = store it. */
  onPut: (part: number, attempt: number, signal: AbortSignal) => Promise<Response | undefined> = () => Promise.resolve(undefined);

  constructor(readonly totalParts: number) {}

  initiate(): Promise<InitiateAnswer> {
    this.initiates++;
    if (this.duplicate) return Promise.resolve({ duplicate: true as const, video_id: 'video-1' });
    const first = Array.from({ length: Math.min(2, this.totalParts) }, (_, i) => i + 1);
    return Promise.resolve({
      duplicate: false as const,
      video_id: 'video-1',
      part_size_bytes: PART,
      total_parts: this.totalParts,
      presigned_urls: first.map((n) => ({ part_number: n, url: this.url(n) })),
      expires_at: new Date(Date.now() + this.expiresInMs).toISOString(),
      resumed: this.resumed,
    });
  }

  signParts(_videoId: string, parts: number[]) {
    this.signed.push(parts);
    return Promise.resolve({
      presigned_urls: parts.map((n) => ({ part_number: n, url: this.url(n) })),
      expires_at: new Date(Date.now() + this.expiresInMs).toISOString(),
    });
  }

  storedParts() {
    return Promise.resolve([...this.stored].map(([part_number, etag]) => ({ part_number, etag, size: PART })));
  }

  complete(_videoId: string, receipts: { part_number: number; etag: string }[]) {
    this.completes++;
    expect(receipts.map((r) => r.part_number)).toEqual(Array.from({ length: this.totalParts }, (_, i) => i + 1));
    for (const receipt of receipts) expect(receipt.etag).toBe(this.stored.get(receipt.part_number));
    return Promise.resolve({ job_id: 'job-1' });
  }

  abort() {
    this.aborts++;
    return Promise.resolve();
  }

  job() {
    const answer = this.jobAnswers[Math.min(this.jobPolls, this.jobAnswers.length - 1)];
    this.jobPolls++;
    return Promise.resolve(answer);
  }

  storageCheck() {
    return Promise.resolve({ url: 'https://s3.test/bucket/upload-checks/reach?sig=check', expires_at: new Date(Date.now() + 300_000).toISOString() });
  }

  private signature = 0;

  url(part: number) {
    return `https://s3.test/upload?partNumber=${part}&sig=${++this.signature}`;
  }

  attempts = new Map<number, number>();

  fetch = async (url: string, init: RequestInit): Promise<Response> => {
    if (new URL(url).pathname.endsWith('/upload-checks/reach')) {
      expect(init.method).toBe('PUT');
      expect(init.credentials).toBe('omit');
      this.checks++;
      return (await this.onCheck()) ?? new Response(null, { status: 200, headers: { ETag: '"d41d8cd98f00b204e9800998ecf8427e"' } });
    }
    const part = Number(new URL(url).searchParams.get('partNumber'));
    expect(init.method).toBe('PUT');
    expect(init.credentials).toBe('omit');
    expect(init.headers).toBeUndefined();
    const attempt = (this.attempts.get(part) ?? 0) + 1;
    this.attempts.set(part, attempt);
    this.puts.push(part);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const decided = await this.onPut(part, attempt, init.signal!);
      if (decided) return decided;
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      const etag = `"etag-${part}"`;
      this.stored.set(part, etag);
      return new Response(null, { status: 200, headers: { ETag: etag } });
    } finally {
      this.inFlight--;
    }
  };
}

function engineFor(backend: FakeBackend, overrides: Partial<EngineOptions> = {}, file = fileOf(backend.totalParts)) {
  const journal = (overrides.journal as MemoryJournal | undefined) ?? new MemoryJournal();
  const sleeps: number[] = [];
  const hash = vi.fn((_file: unknown, onProgress: (f: number) => void) => {
    onProgress(0.5);
    onProgress(1);
    return Promise.resolve('a'.repeat(64));
  });
  const upload = new FileUpload(
    { file, mallId: 'mall-1', pinId: 'pin-1', recordedAt: '2026-11-30T08:00:00.000Z', operatorNotes: 'north door' },
    {
      server: backend,
      journal,
      fetch: backend.fetch,
      hash,
      random: () => 0.5,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      pollMs: 3_000,
      signBatch: 100,
      ...overrides,
    },
  );
  return { upload, journal, sleeps, hash, file };
}

/** Every PUT hangs until aborted; resolves once the first one is on its way. */
function holdEveryPut(backend: FakeBackend): Promise<void> {
  return new Promise((resolve) => {
    backend.onPut = async (_part, _attempt, signal) => {
      resolve();
      return neverAnswers(signal);
    };
  });
}

const neverAnswers = (signal: AbortSignal) =>
  new Promise<Response>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

describe('FileUpload', () => {
  it('sends every part, at most 4 at a time, completes and reports the verified video', async () => {
    const backend = new FakeBackend(12);
    const { upload, journal } = engineFor(backend);

    await upload.start();

    expect(backend.maxInFlight).toBe(4);
    expect([...backend.stored.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(backend.completes).toBe(1);
    expect(upload.snapshot()).toMatchObject({ phase: 'complete', verified: true, jobId: 'job-1', partsStored: 12 });
    expect(upload.snapshot().bytesStored).toBe(12 * PART - 2);
    expect(await journal.list()).toEqual([]);
  });

  it('signs the parts past the first ones shortly before it needs them, in batches', async () => {
    const backend = new FakeBackend(7);
    const { upload } = engineFor(backend, { signBatch: 3 });

    await upload.start();

    expect(backend.signed.flat().sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7]);
    expect(backend.signed.every((batch) => batch.length <= 3)).toBe(true);
  });

  it('retries a failed part with jittered exponential back-off and never aborts the upload', async () => {
    const backend = new FakeBackend(3);
    backend.onPut = (part, attempt) =>
      Promise.resolve(part === 2 && attempt <= 3 ? new Response('SlowDown', { status: 503 }) : undefined);
    const random = vi.fn().mockReturnValueOnce(0).mockReturnValueOnce(1).mockReturnValue(0.25);
    const { upload, sleeps } = engineFor(backend, { random, backoffBaseMs: 1_000, backoffMaxMs: 30_000 });

    await upload.start();

    expect(sleeps.filter((ms) => ms !== 3_000)).toEqual([500, 2_000, 2_500]);
    expect(backend.aborts).toBe(0);
    expect(upload.snapshot().phase).toBe('complete');
  });

  it('retries after a network error too, showing what is being retried', async () => {
    const backend = new FakeBackend(2);
    const notices: (string | null)[] = [];
    backend.onPut = (part, attempt) =>
      part === 1 && attempt === 1 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(undefined);
    const { upload } = engineFor(backend);
    upload.subscribe((state) => notices.push(state.notice));

    await upload.start();

    expect(notices).toContain('Part 1 could not reach the storage; retrying in 1 s (attempt 2).');
    expect(upload.snapshot()).toMatchObject({ phase: 'complete', notice: null });
  });

  it('abandons a part that makes no progress and sends it again', async () => {
    const backend = new FakeBackend(2);
    backend.onPut = (part, attempt, signal) => Promise.resolve((part === 1 && attempt === 1 ? neverAnswers(signal) : undefined));
    const { upload } = engineFor(backend, { stallMs: 20 });

    await upload.start();

    expect(backend.attempts.get(1)).toBe(2);
    expect(upload.snapshot().phase).toBe('complete');
  });

  it('signs a part again when S3 answers 403 (an expired URL) and does not back off for it', async () => {
    const backend = new FakeBackend(2);
    backend.onPut = (part, attempt) =>
      Promise.resolve(part === 2 && attempt === 1 ? new Response('<Error><Code>AccessDenied</Code></Error>', { status: 403 }) : undefined);
    const { upload, sleeps } = engineFor(backend);

    await upload.start();

    expect(backend.signed).toEqual([[2]]);
    expect(sleeps.filter((ms) => ms !== 3_000)).toEqual([]);
    expect(upload.snapshot().phase).toBe('complete');
  });

  it('signs again a URL that is about to expire instead of sending it', async () => {
    const backend = new FakeBackend(1);
    backend.expiresInMs = 30_000;
    const { upload } = engineFor(backend, { urlMarginMs: 60_000 });

    await upload.start();

    expect(backend.signed).toEqual([[1]]);
  });

  it('pauses when going offline and resumes by itself when back, sending each part once', async () => {
    const backend = new FakeBackend(6);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    backend.onPut = async (part, attempt, signal) => {
      if (part === 3 && attempt === 1) {
        release();
        return neverAnswers(signal);
      }
      return undefined;
    };
    const { upload } = engineFor(backend, { concurrency: 1 });
    const done = upload.start();
    await gate;

    upload.pause('offline');
    expect(upload.snapshot()).toMatchObject({ phase: 'paused', pausedBy: 'offline' });
    const putsWhileOffline = backend.puts.length;
    // the PUT cut off by going offline has settled, and every step the engine could take after it has run
    await vi.waitFor(() => expect(backend.inFlight).toBe(0));
    await new Promise((resolve) => setImmediate(resolve));
    expect(backend.puts.length).toBe(putsWhileOffline);

    upload.resume('offline');
    await done;

    expect(upload.snapshot().phase).toBe('complete');
    expect(backend.puts).toEqual([1, 2, 3, 3, 4, 5, 6]);
  });

  it('stays paused by the user when the network comes back', async () => {
    const backend = new FakeBackend(3);
    const gate = holdEveryPut(backend);
    const { upload } = engineFor(backend, { concurrency: 1 });
    const done = upload.start();
    await gate;

    upload.pause('user');
    upload.resume('offline');

    expect(upload.snapshot()).toMatchObject({ phase: 'paused', pausedBy: 'user' });
    await upload.cancel();
    await done;
    expect(upload.snapshot().phase).toBe('cancelled');
  });

  it('resumes from the journal: no second checksum, only the parts the server lacks are sent', async () => {
    const backend = new FakeBackend(5);
    backend.resumed = true;
    backend.stored.set(1, '"etag-1"').set(2, '"etag-2"').set(4, '"etag-4"');
    const journal = new MemoryJournal();
    const file = fileOf(5);
    await journal.put({
      key: journalKey('pin-1', file),
      fileName: file.name,
      fileSize: file.size,
      lastModified: file.lastModified,
      checksum: 'b'.repeat(64),
      videoId: 'video-1',
      mallId: 'mall-1',
      pinId: 'pin-1',
      totalParts: 5,
      recordedAt: null,
      operatorNotes: '',
      startedAt: 1,
    });
    const { upload, hash } = engineFor(backend, { journal }, file);

    await upload.start();

    expect(hash).not.toHaveBeenCalled();
    expect(backend.puts.sort()).toEqual([3, 5]);
    expect(upload.snapshot()).toMatchObject({ phase: 'complete', resumedParts: 3 });
  });

  it('writes the journal before the first part goes out', async () => {
    const backend = new FakeBackend(2);
    const journal = new MemoryJournal();
    let journalledAtFirstPut: unknown;
    backend.onPut = async () => {
      journalledAtFirstPut ??= (await journal.list())[0];
      return undefined;
    };
    const { upload } = engineFor(backend, { journal });

    await upload.start();

    expect(journalledAtFirstPut).toMatchObject({ videoId: 'video-1', checksum: 'a'.repeat(64), totalParts: 2 });
  });

  it('cancel aborts the multipart upload once and forgets it', async () => {
    const backend = new FakeBackend(4);
    const gate = holdEveryPut(backend);
    const { upload, journal } = engineFor(backend);
    const done = upload.start();
    await gate;

    await Promise.all([upload.cancel(), upload.cancel()]);
    await upload.cancel();
    await done;

    expect(backend.aborts).toBe(1);
    expect(backend.completes).toBe(0);
    expect(upload.snapshot().phase).toBe('cancelled');
    expect(await journal.list()).toEqual([]);
  });

  it('a duplicate sends no part and links the existing video', async () => {
    const backend = new FakeBackend(3);
    backend.duplicate = true;
    const { upload } = engineFor(backend);

    await upload.start();

    expect(backend.puts).toEqual([]);
    expect(upload.snapshot()).toMatchObject({ phase: 'duplicate', videoId: 'video-1' });
  });

  it('a refusal from the API (4xx) ends the upload with the server sentence', async () => {
    const backend = new FakeBackend(3);
    backend.initiate = () => Promise.reject(Object.assign(new Error('file_size_bytes must be at most 2 GB.'), { status: 400 }));
    const { upload } = engineFor(backend);

    await upload.start();

    expect(upload.snapshot()).toMatchObject({ phase: 'failed', error: 'file_size_bytes must be at most 2 GB.' });
    expect(backend.puts).toEqual([]);
  });

  describe('the storage check', () => {
    const refused = () => Promise.reject(new TypeError('Failed to fetch'));

    it('asks the storage once before anything else, then uploads', async () => {
      const backend = new FakeBackend(3);
      const { upload, hash } = engineFor(backend);
      let checksBeforeHashing = -1;
      hash.mockImplementationOnce(() => {
        checksBeforeHashing = backend.checks;
        return Promise.resolve('a'.repeat(64));
      });

      await upload.start();

      expect(checksBeforeHashing).toBe(1);
      expect(backend.checks).toBe(1);
      expect(upload.snapshot().phase).toBe('complete');
    });

    it('a storage that refuses the page ends the upload at once with the settings to fix: no file, no retry', async () => {
      const backend = new FakeBackend(3);
      backend.onCheck = refused;
      const { upload, hash, sleeps } = engineFor(backend, { pageOrigin: 'http://10.0.0.5:8080' });

      await upload.start();

      expect(upload.snapshot()).toMatchObject({
        phase: 'failed',
        error:
          'Uploads cannot reach the storage at https://s3.test from this page (http://10.0.0.5:8080): the storage must allow this origin (PUBLIC_BASE_URL) and be reachable at S3_PUBLIC_ENDPOINT.',
      });
      expect(backend.checks).toBe(1);
      expect(backend.initiates).toBe(0);
      expect(backend.puts).toEqual([]);
      expect(hash).not.toHaveBeenCalled();
      expect(sleeps).toEqual([]);
    });

    it('a storage that answers without a readable ETag is refused the same way', async () => {
      const backend = new FakeBackend(2);
      backend.onCheck = () => Promise.resolve(new Response(null, { status: 200 }));
      const { upload } = engineFor(backend, { pageOrigin: 'http://127.0.0.1:8080' });

      await upload.start();

      expect(upload.snapshot().error).toBe(unreachableSentence('https://s3.test', 'http://127.0.0.1:8080'));
      expect(backend.puts).toEqual([]);
    });

    it('a part that cannot reach the storage before any part got through asks again, and stops when refused', async () => {
      const backend = new FakeBackend(3);
      backend.onPut = () => refused();
      const { upload } = engineFor(backend, { pageOrigin: 'http://localhost:8080' });
      let checks = 0;
      backend.onCheck = () => Promise.resolve((++checks === 1 ? undefined : refused()));

      await upload.start();

      expect(upload.snapshot()).toMatchObject({ phase: 'failed', error: unreachableSentence('https://s3.test', 'http://localhost:8080') });
      expect(backend.checks).toBe(2);
      expect(backend.completes).toBe(0);
    });

    it('once a part got through, a part that cannot reach the storage is only retried', async () => {
      const backend = new FakeBackend(2);
      backend.onPut = (part, attempt) => Promise.resolve((part === 2 && attempt <= 2 ? refused() : undefined));
      const { upload } = engineFor(backend, { concurrency: 1 });

      await upload.start();

      expect(upload.snapshot().phase).toBe('complete');
      expect(backend.checks).toBe(1);
      expect(backend.attempts.get(2)).toBe(3);
    });
  });

  it('shows the checksum progress', async () => {
    const backend = new FakeBackend(1);
    const percents: number[] = [];
    const { upload } = engineFor(backend);
    upload.subscribe((state) => state.phase === 'hashing' && percents.push(state.checksumPercent));

    await upload.start();

    expect([...new Set(percents)]).toEqual([0, 50, 100]);
  });

  describe('job polling', () => {
    it.each([
      ['completed', 'complete', null],
      ['failed', 'failed', 'checksum mismatch: the file changed while it was uploaded.'],
      ['cancelled', 'failed', 'Processing was cancelled.'],
    ] as const)('stops at %s', async (status, phase, error) => {
      const backend = new FakeBackend(1);
      backend.jobAnswers = [
        { status: 'pending', progress: 0, error_message: null },
        { status: 'running', progress: 40, error_message: null },
        { status, progress: 100, error_message: status === 'failed' ? `${error}\nffmpeg exit code 1:\n[mov] moov atom not found` : null },
      ];
      const seen: string[] = [];
      const { upload, sleeps } = engineFor(backend);
      upload.subscribe((state) => seen.push(`${state.phase}:${state.processingPercent}`));

      await upload.start();

      expect(backend.jobPolls).toBe(3);
      expect(sleeps.filter((ms) => ms === 3_000)).toHaveLength(2);
      expect(seen).toContain('queued:null');
      expect(seen).toContain('processing:40');
      expect(upload.snapshot()).toMatchObject({ phase, error });
    });
  });
});
