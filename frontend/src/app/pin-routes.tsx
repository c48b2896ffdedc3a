import { useCallback, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { localDate, parseDate } from '../lib/time';
import type { Marks } from '../components/player';
import { ExportWindow } from '../features/evidence/ExportWindow';
import { VideoExport } from '../features/evidence/VideoExport';
import { MotionSearchPanel } from '../features/motion/MotionSearchPanel';
import { PinActivityStrip } from '../features/motion/PinActivityStrip';
import { useVideoMotion } from '../features/motion/use-video-motion';
import { PinBreadcrumbs, usePinContext } from '../features/malls/PinHeader';
import { UploadPage } from '../features/upload/UploadPage';
import { VideoDetailsPage } from '../features/videos/VideoDetailsPage';
import { VideoHolds } from '../features/retention/VideoHolds';
import { TimelinePage } from '../features/timeline/TimelinePage';
import { VideosPage } from '../features/videos/VideosPage';
import { may } from '../lib/authorization';

/** Routes compose features: the pin's header (malls) with its videos or its uploader. */
interface PinPageContext {
  mallId: string;
  pinId: string;
  pinName: string;
  /** The mall's IANA time zone. */
  zone: string;
}

function PinPage({ page, children }: { page: string; children: (context: PinPageContext) => React.ReactNode }) {
  const { mallId = '', pinId = '' } = useParams();
  const pin = usePinContext(mallId, pinId);
  if (pin.isPending) {
    return (
      <p role="status" className="muted">
        Loading the pin…
      </p>
    );
  }
  if (pin.missing) {
    return (
      <section aria-labelledby="pin-title">
        <h1 id="pin-title">Pin not found</h1>
        <p role="alert">This pin does not exist or belongs to a mall you have no access to.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="pin-title">
      <PinBreadcrumbs mallId={mallId} pinId={pinId} page={page} />
      <h1 id="pin-title">
        {page}: {pin.pin?.name}
      </h1>
      {children({ mallId, pinId, pinName: pin.pin?.name ?? '', zone: pin.mall?.time_zone ?? 'UTC' })}
    </section>
  );
}

export function PinVideosRoute() {
  return <PinPage page="Videos">{({ mallId, pinId }) => <VideosPage mallId={mallId} pinId={pinId} />}</PinPage>;
}

export function PinUploadRoute() {
  if (!may('upload')) {
    return <p role="alert">Viewers cannot upload: ask an operator or an admin.</p>;
  }
  return (
    <PinPage page="Upload">
      {({ mallId, pinId, zone }) => <UploadPage key={pinId} mallId={mallId} pinId={pinId} zone={zone} />}
    </PinPage>
  );
}

export function PinTimelineRoute() {
  return (
    <PinPage page="Timeline">
      {({ mallId, pinId, pinName, zone }) => <PinTimeline key={pinId} mallId={mallId} pinId={pinId} pinName={pinName} zone={zone} />}
    </PinPage>
  );
}

/** A pin's timeline, where In and Out marked in the player (instants, across clips) fill the export's window. */
function PinTimeline({ mallId, pinId, pinName, zone }: PinPageContext) {
  const [marks, setMarks] = useState<{ in: number | null; out: number | null }>({ in: null, out: null });
  const onMark = useCallback((which: 'in' | 'out', ms: number) => setMarks((now) => ({ ...now, [which]: ms })), []);
  const mayExport = may('changeVideos');
  const [params] = useSearchParams();
  const [playAt, setPlayAt] = useState<{ ms: number; seq: number } | null>(null);
  const [hits, setHits] = useState<{ start: number; end: number }[]>([]);
  const date = parseDate(params.get('date') ?? '') ? params.get('date')! : localDate(Date.now(), zone);
  return (
    <>
      <TimelinePage
        playAt={playAt}
        highlights={hits}
        mallId={mallId}
        pinId={pinId}
        pinName={pinName}
        zone={zone}
        marks={mayExport ? marks : undefined}
        onMark={mayExport ? onMark : undefined}
        belowBar={(view) => <PinActivityStrip mallId={mallId} pinId={pinId} from={view.start} to={view.end} />}
      />
      <MotionSearchPanel mallId={mallId} pinId={pinId} zone={zone} date={date} onPlay={(ms) => setPlayAt((now) => ({ ms, seq: (now?.seq ?? 0) + 1 }))}
        onHits={setHits}
      />
      <ExportWindow key={`${marks.in}-${marks.out}`} mallId={mallId} zone={zone} pins={[{ id: pinId, name: pinName }]} from={marks.in} to={marks.out} />
    </>
  );
}

export function VideoRoute() {
  const { videoId = '' } = useParams();
  return <VideoPage key={videoId} videoId={videoId} />;
}

/** A video's page: the player (where operators mark In and Out), its evidence exports and its legal holds. */
function VideoPage({ videoId }: { videoId: string }) {
  const [marks, setMarks] = useState<Marks>({ in: null, out: null });
  const onMark = useCallback((which: 'in' | 'out', seconds: number) => setMarks((now) => ({ ...now, [which]: seconds })), []);
  const mayExport = may('changeVideos');
  const motion = useVideoMotion(videoId);
  return (
    <>
      <VideoDetailsPage
        videoId={videoId}
        marks={mayExport ? marks : undefined}
        onMark={mayExport ? onMark : undefined}
        strip={motion.strip}
        onMotionJump={motion.onMotionJump}
      />
      <VideoExport videoId={videoId} marks={marks} />
      <VideoHolds videoId={videoId} />
    </>
  );
}
