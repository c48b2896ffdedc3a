/**
 * Keeps a video playing on signed links that expire. Two media elements take turns: at 75 % of a
 * link's lifetime a new link is loaded into the hidden one at the same position, speed and volume,
 * and it takes over when it is ready, so playback does not stop. If the playing element fails all
 * the same (the link expired, a network blip, a 403), a new link is fetched and position, speed and
 * paused/playing are restored on it.
 */
export interface StreamLink {
  url: string;
  expires_at: string;
  previews_url?: string | null;
}

/** The part of HTMLVideoElement the keeper uses, so that tests can hand it a fake. */
export interface MediaLike extends EventTarget {
  src: string;
  currentTime: number;
  playbackRate: number;
  paused: boolean;
  muted: boolean;
  volume: number;
  error: { code: number } | null;
  play(): Promise<void>;
  pause(): void;
  load(): void;
  removeAttribute(name: string): void;
}

export const RENEW_AT = 0.75;

const RETRY_MS = 3_000;

/** How long the element handed over keeps its link after the other took over. */
export const RELEASE_MS = 1_000;

/** How long after receiving a link to renew it: 75 % of what is left of it then, at least a second. */
export function renewalDelay(receivedAt: number, expiresAt: string): number {
  const lifetime = new Date(expiresAt).getTime() - receivedAt;
  return Math.max(1_000, Math.floor(lifetime * RENEW_AT));
}

interface Playback {
  time: number;
  rate: number;
  paused: boolean;
}

export class LinkKeeper<L extends StreamLink = StreamLink> {
  private active = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private recovering = false;
  private last: Playback = { time: 0, rate: 1, paused: true };
  private readonly detach: (() => void)[] = [];

  constructor(
    private readonly elements: [MediaLike, MediaLike],
    private readonly fetchLink: () => Promise<L>,
    /** The element on screen, the link it plays (absent while reconnecting) and what to tell the viewer. */
    private readonly onChange: (state: { active: number; link?: L; message: string }) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get element(): MediaLike {
    return this.elements[this.active];
  }

  async start(): Promise<void> {
    this.elements.forEach((element, index) => {
      const remember = () => {
        if (index === this.active && !this.recovering) {
          this.last = { time: element.currentTime, rate: element.playbackRate, paused: element.paused };
        }
      };
      const failed = () => {
        if (index === this.active && element.error) void this.recover();
      };
      for (const type of ['timeupdate', 'ratechange', 'play', 'pause', 'seeked']) element.addEventListener(type, remember);
      element.addEventListener('error', failed);
      this.detach.push(() => {
        for (const type of ['timeupdate', 'ratechange', 'play', 'pause', 'seeked']) element.removeEventListener(type, remember);
        element.removeEventListener('error', failed);
      });
    });
    const link = await this.fetchLink();
    if (this.stopped) return;
    this.element.src = link.url;
    this.schedule(link);
    this.onChange({ active: this.active, link, message: '' });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.detach.forEach((undo) => undo());
  }

  private schedule(link: StreamLink) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.renew(), renewalDelay(this.now(), link.expires_at));
  }

  /** Loads a new link into the hidden element at the playing one's position and hands over to it. */
  async renew(): Promise<void> {
    let link: L;
    try {
      link = await this.fetchLink();
    } catch {
      if (!this.stopped) this.timer = setTimeout(() => void this.renew(), RETRY_MS);
      return;
    }
    if (this.stopped) return;
    const from = this.element;
    const to = this.elements[1 - this.active];
    to.muted = from.muted;
    to.volume = from.volume;
    to.src = link.url;
    to.load();
    const loaded = await ready(to, 'loadedmetadata');
    if (this.stopped) return;
    if (!loaded) {
      // the playing element keeps its link until the next try
      this.timer = setTimeout(() => void this.renew(), RETRY_MS);
      return;
    }
    to.currentTime = from.currentTime;
    to.playbackRate = from.playbackRate;
    await ready(to, 'seeked');
    if (this.stopped) return;
    if (!from.paused) {
      // the playing one ran on meanwhile: catch up, then start
      if (Math.abs(to.currentTime - from.currentTime) > 0.25) {
        to.currentTime = from.currentTime;
        await ready(to, 'seeked');
      }
      await to.play().catch(() => undefined);
    }
    from.pause();
    this.active = 1 - this.active;
    this.last = { time: to.currentTime, rate: to.playbackRate, paused: to.paused };
    this.schedule(link);
    this.onChange({ active: this.active, link, message: '' });
    // the page shows the other element at its next drawing: the one handed over keeps its frame until then
    setTimeout(() => {
      if (this.elements[this.active] === from) return;
      from.removeAttribute('src');
      from.load();
    }, RELEASE_MS);
  }

  /** The playing element failed: a new link, and where it was, at the speed it had, playing if it played. */
  async recover(): Promise<void> {
    if (this.recovering || this.stopped) return;
    this.recovering = true;
    const before = { ...this.last };
    const element = this.element;
    try {
      this.onChange({ active: this.active, message: 'Reconnecting…' });
      let link: L | null = null;
      while (!this.stopped) {
        try {
          link = await this.fetchLink();
          element.src = link.url;
          element.load();
          if (await ready(element, 'loadedmetadata')) break;
        } catch {
          // the server cannot be reached: try again shortly
        }
        link = null;
        await new Promise((resume) => setTimeout(resume, RETRY_MS));
      }
      if (!link || this.stopped) return;
      element.currentTime = before.time;
      element.playbackRate = before.rate;
      if (!before.paused) await element.play().catch(() => undefined);
      this.last = before;
      this.schedule(link);
      this.onChange({ active: this.active, link, message: '' });
    } finally {
      this.recovering = false;
    }
  }
}

/** Resolves true on `type`, false if the element fails first. */
function ready(target: EventTarget, type: string): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      target.removeEventListener(type, succeeded);
      target.removeEventListener('error', failed);
      resolve(ok);
    };
    const succeeded = done(true);
    const failed = done(false);
    target.addEventListener(type, succeeded);
    target.addEventListener('error', failed);
  });
}
