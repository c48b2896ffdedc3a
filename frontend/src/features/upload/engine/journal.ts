import { openDB, type IDBPDatabase } from 'idb';

/**
 * What survives a reload, a closed tab or a crash: enough to recognise the file when it is chosen
 * again (name, size, lastModified), its checksum (not computed twice) and the server's video id.
 */
export interface JournalEntry {
  key: string;
  fileName: string;
  fileSize: number;
  lastModified: number;
  checksum: string;
  videoId: string;
  mallId: string;
  pinId: string;
  totalParts: number;
  recordedAt: string | null;
  operatorNotes: string;
  startedAt: number;
  /** Where the browser offers the File System Access API: one click re-grants access. */
  handle?: FileSystemFileHandle;
}

export interface Journal {
  list(): Promise<JournalEntry[]>;
  find(key: string): Promise<JournalEntry | undefined>;
  put(entry: JournalEntry): Promise<void>;
  remove(key: string): Promise<void>;
}

export function journalKey(pinId: string, file: { name: string; size: number; lastModified: number }): string {
  return `${pinId}|${file.name}|${file.size}|${file.lastModified}`;
}

const STORE = 'uploads';

export class IndexedDbJournal implements Journal {
  private db: Promise<IDBPDatabase> | null = null;

  constructor(private readonly name = 'spatial-intel-uploads') {}

  private open() {
    this.db ??= openDB(this.name, 1, {
      upgrade(db) {
        db.createObjectStore(STORE, { keyPath: 'key' });
      },
    });
    return this.db;
  }

  async list() {
    return (await (await this.open()).getAll(STORE)) as JournalEntry[];
  }

  async find(key: string) {
    return (await (await this.open()).get(STORE, key)) as JournalEntry | undefined;
  }

  async put(entry: JournalEntry) {
    try {
      await (await this.open()).put(STORE, entry);
    } catch (error) {
      // a handle the browser cannot store is not worth losing the entry for
      if (entry.handle && error instanceof DOMException && error.name === 'DataCloneError') {
        await (await this.open()).put(STORE, { ...entry, handle: undefined });
      } else {
        throw error;
      }
    }
  }

  async remove(key: string) {
    await (await this.open()).delete(STORE, key);
  }
}

export class MemoryJournal implements Journal {
  readonly entries = new Map<string, JournalEntry>();

  list() {
    return Promise.resolve([...this.entries.values()]);
  }

  find(key: string) {
    return Promise.resolve(this.entries.get(key));
  }

  put(entry: JournalEntry) {
    this.entries.set(entry.key, entry);
    return Promise.resolve();
  }

  remove(key: string) {
    this.entries.delete(key);
    return Promise.resolve();
  }
}
