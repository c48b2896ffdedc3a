import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useDropzone, type FileWithPath } from 'react-dropzone';
import { QueryState } from '../../components/QueryState';
import { useClientSettings } from '../../lib/api/settings';
import { formatBytes } from '../../lib/format';
import { wallClockToInstant } from '../../lib/time';
import { sha256InWorker } from './checksum';
import { IndexedDbJournal, journalKey, type JournalEntry } from './engine/journal';
import type { UploadFile } from './engine/upload-engine';
import { UploadQueue } from './engine/upload-queue';
import { refusalOf } from './engine/validate';
import { sendPart, uploadServer } from './server';
import { UnfinishedUploads } from './UnfinishedUploads';
import { UploadRow } from './UploadRow';

const journal = new IndexedDbJournal();

/** Chromium's File System Access API: a handle kept across a reload asks again for permission. */
type PermissionRequester = { requestPermission?: (options: { mode: 'read' }) => Promise<PermissionState> };

interface Draft {
  id: string;
  file: UploadFile;
  recordedAt: string;
  operatorNotes: string;
  resumes: JournalEntry | undefined;
}

/**
 * The uploader of one pin: choose files, give each its metadata, press Upload. `zone`: the mall's
 * IANA time zone, in which "Recorded at" is typed and shown.
 */
export function UploadPage({ mallId, pinId, zone }: { mallId: string; pinId: string; zone: string }) {
  const settings = useClientSettings();
  return (
    <QueryState isPending={settings.isPending} error={settings.error} what="upload settings">
      {settings.data && (
        <Uploader
          mallId={mallId}
          pinId={pinId}
          maxUploadBytes={settings.data.max_upload_bytes}
          signBatch={settings.data.signing_batch}
          zone={zone}
        />
      )}
    </QueryState>
  );
}

interface UploaderProps {
  mallId: string;
  pinId: string;
  /** The server's limits (client settings). */
  maxUploadBytes: number;
  signBatch: number;
  zone: string;
}

function Uploader({ mallId, pinId, maxUploadBytes, signBatch, zone }: UploaderProps) {
  const server = useMemo(() => uploadServer(mallId, pinId), [mallId, pinId]);
  const queue = useMemo(
    () => new UploadQueue({ server, journal, fetch: sendPart, hash: sha256InWorker, signBatch }),
    [server, signBatch],
  );
  const uploads = useSyncExternalStore(
    (listener) => queue.subscribe(listener),
    () => queue.items(),
  );
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [refusals, setRefusals] = useState<string[]>([]);
  const [unfinished, setUnfinished] = useState<JournalEntry[]>([]);
  const [journalVersion, setJournalVersion] = useState(0);

  useEffect(() => {
    let current = true;
    void journal.list().then((entries) => {
      if (current) setUnfinished(entries.filter((entry) => entry.pinId === pinId));
    });
    return () => {
      current = false;
    };
  }, [pinId, journalVersion, uploads]);

  useEffect(() => {
    const offline = () => queue.setOnline(false);
    const online = () => queue.setOnline(true);
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    const leaving = (event: BeforeUnloadEvent) => {
      if (!queue.busy()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', leaving);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', leaving);
    };
  }, [queue]);

  const addFiles = useCallback(
    async (files: UploadFile[]) => {
      const refused: string[] = [];
      const accepted: Draft[] = [];
      for (const file of files) {
        const refusal = refusalOf(file, maxUploadBytes);
        if (refusal) {
          refused.push(refusal);
          continue;
        }
        accepted.push({
          id: `${journalKey(pinId, file)}|${crypto.randomUUID()}`,
          file,
          recordedAt: '',
          operatorNotes: '',
          resumes: await journal.find(journalKey(pinId, file)),
        });
      }
      setRefusals(refused);
      setDrafts((current) => [
        ...current,
        ...accepted.filter((draft) => !current.some((other) => journalKey(pinId, other.file) === journalKey(pinId, draft.file))),
      ]);
    },
    [maxUploadBytes, pinId],
  );

  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    onDrop: (accepted, rejected) => void addFiles([...accepted, ...rejected.map((rejection) => rejection.file)] as FileWithPath[]),
    noClick: true,
    noKeyboard: true,
    useFsAccessApi: true,
    accept: { 'video/mp4': ['.mp4'] },
  });

  const startAll = (list: Draft[]) => {
    for (const draft of list) {
      queue.add({
        file: draft.file,
        mallId,
        pinId,
        recordedAt: wallClockToInstant(draft.recordedAt, zone),
        operatorNotes: draft.operatorNotes.trim(),
      });
    }
    setDrafts((current) => current.filter((draft) => !list.includes(draft)));
    queue.start();
  };

  const update = (id: string, patch: Partial<Draft>) =>
    setDrafts((current) => current.map((draft) => (draft.id === id ? { ...draft, ...patch } : draft)));

  const applyToAll = () =>
    setDrafts((current) =>
      current.map((draft) => ({ ...draft, recordedAt: current[0].recordedAt, operatorNotes: current[0].operatorNotes })),
    );

  const resumeFromHandle = async (entry: JournalEntry) => {
    if (!entry.handle) return;
    const permission = await (entry.handle as FileSystemFileHandle & PermissionRequester).requestPermission?.({ mode: 'read' });
    if (permission && permission !== 'granted') {
      setRefusals([`Reading “${entry.fileName}” was not allowed: choose the file again to resume.`]);
      return;
    }
    const file = Object.assign(await entry.handle.getFile(), { handle: entry.handle });
    if (journalKey(pinId, file) !== entry.key) {
      setRefusals([`“${entry.fileName}” changed since the upload began: choose the file again or cancel the old upload.`]);
      return;
    }
    startAll([{ id: entry.key, file, recordedAt: '', operatorNotes: '', resumes: entry }]);
  };

  return (
    <div className="uploader">
      <UnfinishedUploads
        entries={unfinished.filter(
          (entry) =>
            !uploads.some((upload) => upload.key === entry.key) &&
            !drafts.some((draft) => journalKey(pinId, draft.file) === entry.key),
        )}
        server={server}
        journal={journal}
        onResume={(entry) =>
          void resumeFromHandle(entry).catch((failure: Error) =>
            setRefusals([`“${entry.fileName}” could not be read (${failure.message}): choose the file again to resume.`]),
          )
        }
        onChanged={() => setJournalVersion((version) => version + 1)}
      />

      <div {...getRootProps({ className: `dropzone${isDragActive ? ' active' : ''}` })}>
        <input {...getInputProps({ 'aria-label': 'Choose video files' })} />
        <p>{isDragActive ? 'Drop the files to add them.' : 'Drag MP4 recordings here, or'}</p>
        <button type="button" onClick={open}>
          Choose video files
        </button>
        <p className="muted">MP4 only, up to {formatBytes(maxUploadBytes)} a file.</p>
      </div>

      <div role="alert" className="refusals">
        {refusals.length > 0 && (
          <ul>
            {refusals.map((refusal) => (
              <li key={refusal}>{refusal}</li>
            ))}
          </ul>
        )}
      </div>

      {drafts.length > 0 && (
        <section aria-labelledby="to-upload" className="card">
          <h2 id="to-upload">To upload</h2>
          <ul className="drafts">
            {drafts.map((draft) => (
              <li key={draft.id} aria-label={draft.file.name} className="draft">
                <div className="upload-head">
                  <span className="file-name">{draft.file.name}</span>
                  <span className="muted">{formatBytes(draft.file.size)}</span>
                  <button
                    type="button"
                    className="link"
                    onClick={() => setDrafts((current) => current.filter((other) => other !== draft))}
                    aria-label={`Remove ${draft.file.name}`}
                  >
                    Remove
                  </button>
                </div>
                {draft.resumes && (
                  <p className="notice">Resumes the upload begun earlier: only the parts not yet stored are sent.</p>
                )}
                <div className="draft-fields">
                  <div className="field">
                    <label htmlFor={`${draft.id}-recorded`}>
                      Recorded at <span className="muted">({zone})</span>
                    </label>
                    <input
                      id={`${draft.id}-recorded`}
                      type="datetime-local"
                      step={1}
                      value={draft.recordedAt}
                      onChange={(event) => update(draft.id, { recordedAt: event.target.value })}
                    />
                  </div>
                  <div className="field grow">
                    <label htmlFor={`${draft.id}-notes`}>Operator notes</label>
                    <input
                      id={`${draft.id}-notes`}
                      value={draft.operatorNotes}
                      maxLength={4000}
                      onChange={(event) => update(draft.id, { operatorNotes: event.target.value })}
                    />
                  </div>
                </div>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" onClick={() => startAll(drafts)}>
              Upload
            </button>
            {drafts.length > 1 && (
              <button type="button" className="secondary" onClick={applyToAll}>
                Apply the first file’s details to all
              </button>
            )}
          </div>
        </section>
      )}

      {uploads.length > 0 && (
        <section aria-labelledby="uploads" className="card">
          <h2 id="uploads">Uploads</h2>
          <ul className="uploads">
            {uploads.map((upload) => (
              <UploadRow key={upload.key + uploads.indexOf(upload)} upload={upload} zone={zone} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
