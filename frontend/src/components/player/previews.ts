/** A scrub preview: the tile of the sprite sheet shown for a time range of the video. */
export interface PreviewCue {
  start: number;
  end: number;
  image: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const TIME = /^(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})$/;

function seconds(text: string): number | null {
  const match = TIME.exec(text.trim());
  if (!match) return null;
  const [, hours, minutes, secs, millis] = match;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(secs) + Number(millis) / 1000;
}

/** The cues of a WebVTT file of thumbnails (`start --> end` then `image#xywh=x,y,w,h`); cues it cannot read are left out. */
export function parsePreviews(vtt: string): PreviewCue[] {
  const cues: PreviewCue[] = [];
  const lines = vtt.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    if (!lines[i].includes('-->')) continue;
    const [from, to] = lines[i].split('-->');
    const start = seconds(from);
    const end = seconds(to.trim().split(/\s+/)[0]);
    const target = lines[i + 1].trim();
    const hash = target.lastIndexOf('#xywh=');
    if (start === null || end === null || hash === -1) continue;
    const [x, y, width, height] = target
      .slice(hash + 6)
      .split(',')
      .map(Number);
    if ([x, y, width, height].some((n) => !Number.isFinite(n))) continue;
    cues.push({ start, end, image: target.slice(0, hash), x, y, width, height });
  }
  return cues;
}

/** The cue showing `time`; the last one past the end. */
export function cueAt(cues: PreviewCue[], time: number): PreviewCue | null {
  if (cues.length === 0) return null;
  return cues.find((cue) => time >= cue.start && time < cue.end) ?? (time >= cues[cues.length - 1].end ? cues[cues.length - 1] : cues[0]);
}
