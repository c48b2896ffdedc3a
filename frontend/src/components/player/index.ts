/** The review player, shared by every feature that plays a video. */
export { Player, type Marks, type PlayerLink } from './Player';
export { wallClock } from './snapshot';
export { usePreviewCues } from './use-preview-cues';
export { cueAt, type PreviewCue } from './previews';
