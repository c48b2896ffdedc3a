import { journalKey } from './journal';
import { FINAL_PHASES, FileUpload, type EngineOptions, type Phase, type UploadRequest } from './upload-engine';

/** Phases in which an upload holds one of the queue's places (and would lose work if the page went away). */
const SENDING: readonly Phase[] = ['ready', 'hashing', 'initiating', 'uploading', 'paused', 'completing'];

/**
 * The files of one page, uploaded `parallel` at a time once the user presses Upload. Going
 * offline pauses every running upload; coming back resumes those it paused.
 */
export class UploadQueue {
  private uploads: FileUpload[] = [];

  private readonly listeners = new Set<() => void>();

  private started = false;

  private readonly launched = new Set<FileUpload>();

  constructor(
    private readonly options: EngineOptions,
    private readonly parallel = 2,
  ) {}

  items(): readonly FileUpload[] {
    return this.uploads;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  add(request: UploadRequest): FileUpload {
    const existing = this.uploads.find(
      (upload) => upload.key === journalKey(request.pinId, request.file) && !FINAL_PHASES.includes(upload.snapshot().phase),
    );
    if (existing) return existing;
    const upload = new FileUpload(request, this.options);
    upload.subscribe(() => {
      this.notify();
      this.pump();
    });
    this.uploads = [...this.uploads, upload];
    this.notify();
    if (this.started) this.pump();
    return upload;
  }

  start() {
    this.started = true;
    this.pump();
  }

  /** True while some upload would lose work if the page went away. */
  busy(): boolean {
    return this.uploads.some((upload) => this.launched.has(upload) && SENDING.includes(upload.snapshot().phase));
  }

  setOnline(online: boolean) {
    for (const upload of this.uploads) {
      if (online) upload.resume('offline');
      else upload.pause('offline');
    }
  }

  private pump() {
    if (!this.started) return;
    const active = this.uploads.filter(
      (upload) => this.launched.has(upload) && SENDING.includes(upload.snapshot().phase),
    ).length;
    let free = this.parallel - active;
    for (const upload of this.uploads) {
      if (free <= 0) break;
      if (!this.launched.has(upload)) {
        free--;
        this.launched.add(upload);
        void upload.start();
      }
    }
  }

  private notify() {
    for (const listener of this.listeners) listener();
  }
}
