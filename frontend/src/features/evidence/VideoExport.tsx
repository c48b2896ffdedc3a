import { useState } from 'react';
import type { Marks } from '../../components/player';
import { may } from '../../lib/authorization';
import { clock } from '../../lib/format';
import { useSourceVideo, useVideoExports } from './api/evidence';
import { marksProblem } from './describe';
import { DisclosureForm } from './DisclosureForm';
import { ExportProgress } from './ExportProgress';
import { ExportsTable } from './ExportsTable';

/** Under a video: the In and Out marked in its player, "Export clip", the export under way, and the video's exports. */
export function VideoExport({ videoId, marks }: { videoId: string; marks: Marks }) {
  const video = useSourceVideo(videoId);
  const exports = useVideoExports(videoId);
  const [open, setOpen] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  const mayExport = may('changeVideos');
  if (!video.data || video.data.upload_status !== 'uploaded') return null;
  const problem = marksProblem(marks.in, marks.out);
  return (
    <section aria-labelledby="export-title" className="card evidence">
      <h2 id="export-title">Evidence export</h2>
      {mayExport && (
        <>
          <p role="status" className="marks">
            In {marks.in === null ? '—' : clock(marks.in)} · Out {marks.out === null ? '—' : clock(marks.out)}
            {problem ? <span className="muted"> — {problem}</span> : <span className="muted"> — {clock((marks.out ?? 0) - (marks.in ?? 0))} marked</span>}
          </p>
          {!open && (
            <button type="button" disabled={problem !== null} onClick={() => setOpen(true)}>
              Export clip
            </button>
          )}
          {open && marks.in !== null && marks.out !== null && (
            <DisclosureForm
              mallId={video.data.mall_id}
              scope={{ video_id: videoId, in_seconds: marks.in, out_seconds: marks.out }}
              summary={`From ${clock(marks.in)} to ${clock(marks.out)} of ${video.data.filename}, cut from the original.`}
              onStarted={(id) => {
                setStarted(id);
                setOpen(false);
              }}
              onCancel={() => setOpen(false)}
            />
          )}
          {started && <ExportProgress exportId={started} />}
        </>
      )}
      <h3>Exports of this video</h3>
      {exports.data && <ExportsTable exports={exports.data} caption="Exports of this video" />}
    </section>
  );
}
