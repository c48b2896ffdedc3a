// The timeline page in Debian's Chromium against the real jar (bench/README.md: "Timeline page"):
//   node bench/timeline-page.mjs [rounds=5]
// 1. Draw and zoom/pan: a pin's day of 1,440 one-minute clips and a mall's day of 20 such pins. The
//    timeline answers are made up in the browser (page.route) so that the page, not the API, is
//    measured (the API's figure is the listing benchmark's); the pins, the mall, sign-in and the page
//    are real. Draw: the canvas's own `timeline-draw` measures (Performance API) and the time from
//    navigation to the first bar drawn with the clips. Zoom and pan: a Ctrl+wheel notch or a drag
//    step per animation frame for 2 s; frames per second and the p95 frame time, against the
//    page's idle frame rate in the same run (the baseline).
// 2. Continuous playback: four processed 6-second clips back to back; the stall at each clip change
//    (the old clip's `ended` to the new one's `playing`), against a seek inside one clip (seeking to
//    playing) in the same run.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORK, apiClient, launchBrowser, makeVideo, startApp } from '../e2e/harness.mjs';

const ROUNDS = Number(process.argv[2] ?? 5);
const DAY = '2026-11-20';
const ZONE = 'Europe/Berlin';
const ADMIN = { email: 'admin@e2e.example', password: 'admin-password-e2e' };

mkdirSync(WORK, { recursive: true });
const app = await startApp({ name: 'timeline-bench' });
const api = apiClient(app.baseUrl);
const browser = await launchBrowser();

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};
const median = (values) => percentile(values, 0.5);

/** 1,440 clips from the day's first minute (Berlin: 23:00 UTC the day before), 59.6 s each. */
function dayOfClips(pinIndex) {
  const start = new Date(`${DAY}T00:00:00+01:00`).getTime();
  return Array.from({ length: 1440 }, (_, minute) => {
    const from = start + minute * 60_000;
    return {
      video_id: `00000000-0000-4000-8000-${String(pinIndex).padStart(4, '0')}${String(minute).padStart(8, '0')}`,
      filename: `cam-${pinIndex}-${minute}.mp4`,
      start: new Date(from).toISOString(),
      end: new Date(from + 59_600).toISOString(),
      duration_seconds: 59.6,
      recorded_at_source: 'operator',
      processing_status: minute % 50 === 0 ? 'failed' : minute % 97 === 0 ? 'running' : 'completed',
      has_proxy: minute % 50 !== 0 && minute % 97 !== 0,
      poster_url: null,
    };
  });
}

const dayFrom = new Date(`${DAY}T00:00:00+01:00`).toISOString();
const dayWindow = { from: dayFrom, to: new Date(Date.parse(dayFrom) + 86_400_000).toISOString() };

async function signedInPage(width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${app.baseUrl}/login`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/malls$/);
  return { context, page };
}

/** Frames per second and p95 frame time while `perFrame` runs once per animation frame for `ms`. */
function framesWhile(page, kind, ms) {
  return page.evaluate(
    ([what, duration]) =>
      new Promise((resolve) => {
        const canvas = document.querySelector('[data-testid=timeline-canvas]');
        const box = canvas.getBoundingClientRect();
        const y = box.top + 30;
        const times = [];
        const drawsBefore = performance.getEntriesByName('timeline-draw').length;
        if (what === 'pan') {
          // a 45-minute view, so that there is somewhere to pan to
          const zoomIn = [...document.querySelectorAll('button')].find((button) => button.textContent.startsWith('Zoom in'));
          for (let i = 0; i < 5; i++) zoomIn.click();
        }
        let step = 0;
        let dragging = false;
        const started = performance.now();
        const frame = (now) => {
          times.push(now);
          step++;
          if (what === 'zoom') {
            // in for a second, out for a second, around a moving point
            const x = box.left + box.width * (0.3 + 0.4 * Math.abs(Math.sin(step / 30)));
            const deltaY = now - started < duration / 2 ? -25 : 25;
            canvas.dispatchEvent(new WheelEvent('wheel', { deltaY, ctrlKey: true, clientX: x, clientY: y, bubbles: true, cancelable: true }));
          } else if (what === 'pan') {
            if (!dragging) {
              canvas.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 7, clientX: box.left + box.width / 2, clientY: y, bubbles: true }));
              dragging = true;
            }
            const x = box.left + box.width / 2 + Math.sin(step / 20) * box.width * 0.3;
            canvas.dispatchEvent(new PointerEvent('pointermove', { pointerId: 7, clientX: x, clientY: y, bubbles: true }));
          }
          if (now - started < duration) requestAnimationFrame(frame);
          else {
            if (dragging) canvas.dispatchEvent(new PointerEvent('pointerup', { pointerId: 7, clientX: box.left, clientY: y, bubbles: true }));
            const gaps = times.slice(1).map((t, i) => t - times[i]);
            const draws = performance.getEntriesByName('timeline-draw').slice(drawsBefore);
            resolve({
              fps: (times.length - 1) / ((times.at(-1) - times[0]) / 1000),
              gaps,
              redraws: draws.length,
              drawP95: draws.length ? draws.map((entry) => entry.duration).sort((a, b) => a - b)[Math.floor(draws.length * 0.95)] : 0,
            });
          }
        };
        requestAnimationFrame(frame);
      }),
    [kind, ms],
  );
}

async function measureBar(url, routes, label) {
  const draws = [];
  const firstBars = [];
  const rates = { idle: [], zoom: [], pan: [] };
  const p95 = { idle: [], zoom: [], pan: [] };
  const redraws = { idle: [], zoom: [], pan: [] };
  const drawP95 = { idle: [], zoom: [], pan: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const { context, page } = await signedInPage();
    await routes(page);
    await page.goto(url);
    await page.waitForFunction(() =>
      performance.getEntriesByName('timeline-draw').length > 0 && document.querySelector('[data-testid=timeline-canvas]'),
    );
    await page.waitForTimeout(300);
    const entries = await page.evaluate(() => performance.getEntriesByName('timeline-draw').map((entry) => [entry.startTime, entry.duration]));
    draws.push(Math.max(...entries.map(([, duration]) => duration)));
    // the first draw is the bar with its clips (the bar appears with its answer): its end, from navigation
    firstBars.push(entries[0][0] + entries[0][1]);
    for (const kind of ['idle', 'zoom', 'pan']) {
      const result = await framesWhile(page, kind, 2000);
      rates[kind].push(result.fps);
      p95[kind].push(percentile(result.gaps, 0.95));
      redraws[kind].push(result.redraws);
      drawP95[kind].push(result.drawP95);
    }
    await context.close();
  }
  const idle = median(rates.idle);
  console.log(`\n${label} (${ROUNDS} rounds, medians)`);
  console.log(`  draw of the bar (canvas, all clips)          ${median(draws).toFixed(1)} ms  (worst round ${Math.max(...draws).toFixed(1)} ms)`);
  console.log(`  navigation to the bar drawn with its clips   ${median(firstBars).toFixed(0)} ms`);
  console.log(`  idle page (baseline)                         ${idle.toFixed(1)} frames/s, p95 frame ${median(p95.idle).toFixed(1)} ms`);
  for (const kind of ['zoom', 'pan']) {
    const fps = median(rates[kind]);
    console.log(
      `  ${kind === 'zoom' ? 'zoom (Ctrl+wheel every frame)' : 'pan (drag, a move every frame)'}${' '.repeat(kind === 'zoom' ? 15 : 14)}${fps.toFixed(1)} frames/s = ${(fps / idle).toFixed(2)} × idle, p95 frame ${median(p95[kind]).toFixed(1)} ms; ${median(redraws[kind])} redraws in 2 s, p95 redraw ${median(drawP95[kind]).toFixed(1)} ms`,
    );
  }
}

async function upload(token, mallId, pinId, file, name, recordedAt, salt) {
  const bytes = Buffer.concat([readFileSync(file), Buffer.from([salt])]);
  const uploads = `/api/malls/${mallId}/pins/${pinId}/uploads`;
  const initiated = await api.call('POST', `${uploads}/initiate`, token, {
    filename: name,
    file_size_bytes: bytes.length,
    checksum_sha256: createHash('sha256').update(bytes).digest('hex'),
    metadata: { recorded_at: recordedAt },
  });
  const { video_id: videoId, part_size_bytes: partSize, presigned_urls: urls } = initiated.body;
  for (const { part_number: number, url } of urls) {
    await fetch(url, { method: 'PUT', body: bytes.subarray((number - 1) * partSize, number * partSize) });
  }
  const complete = await api.call('POST', `${uploads}/${videoId}/complete`, token);
  if (complete.status !== 200) throw new Error(JSON.stringify(complete.body));
  return videoId;
}

try {
  const admin = await api.login(ADMIN.email, ADMIN.password);
  const mallId = (await api.call('POST', '/api/malls', admin, { name: 'Bench Mall', time_zone: ZONE })).body.id;
  const pins = [];
  for (let i = 0; i < 20; i++) {
    pins.push({ pin_id: (await api.call('POST', `/api/malls/${mallId}/pins`, admin, { name: `Camera ${String(i + 1).padStart(2, '0')}` })).body.id, name: `Camera ${String(i + 1).padStart(2, '0')}` });
  }
  const pinDay = (pin, index) => ({ ...dayWindow, time_zone: ZONE, pin_id: pin.pin_id, name: pin.name, clips: dayOfClips(index), gaps: [], untimed_count: 0, truncated: false });
  const json = (body) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });

  await measureBar(
    `${app.baseUrl}/malls/${mallId}/pins/${pins[0].pin_id}/timeline?date=${DAY}`,
    (page) => page.route('**/api/malls/*/pins/*/timeline?*', (route) => route.fulfill(json(pinDay(pins[0], 0)))),
    'A pin’s day of 1,440 one-minute clips, 1280 px',
  );
  await measureBar(
    `${app.baseUrl}/malls/${mallId}/timeline?date=${DAY}`,
    (page) =>
      page.route('**/api/malls/*/timeline?*', (route) =>
        route.fulfill(json({ ...dayWindow, time_zone: ZONE, mall_id: mallId, mall_name: 'Bench Mall', pins: pins.map((pin, index) => ({ ...pinDay(pin, index) })) })),
      ),
    'A mall’s day of 20 pins × 1,440 clips (28,800), 1280 px',
  );

  // continuous playback: real clips, real proxies
  const clip = makeVideo(join(WORK, 'timeline-bench-6s.mp4'), { seconds: 6 });
  const pinId = pins[1].pin_id;
  const ids = [];
  for (let i = 0; i < 4; i++) {
    ids.push(await upload(admin, mallId, pinId, clip, `seq-${i}.mp4`, new Date(Date.parse(`${DAY}T13:00:00Z`) + i * 6_000).toISOString(), i + 1));
  }
  for (const deadline = Date.now() + 180_000; ; ) {
    const states = await Promise.all(ids.map(async (id) => (await api.call('GET', `/api/videos/${id}`, admin)).body.processing_status));
    if (states.every((state) => state === 'completed')) break;
    if (states.includes('failed') || Date.now() > deadline) throw new Error(`clips not processed: ${states}`);
    await new Promise((resume) => setTimeout(resume, 1000));
  }
  const stalls = [];
  const seeks = [];
  for (let round = 0; round < ROUNDS; round++) {
    const { context, page } = await signedInPage();
    await page.addInitScript(() => {
      window.__events = [];
      for (const type of ['ended', 'playing', 'seeking', 'seeked', 'waiting']) {
        document.addEventListener(type, (event) => window.__events.push([type, event.target.src || '', performance.now()]), true);
      }
    });
    await page.goto(`${app.baseUrl}/malls/${mallId}/pins/${pinId}/timeline?date=${DAY}`);
    await page.getByLabel('Go to time').fill('14:00:02');
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await page.waitForFunction(() => !document.querySelector('video.shown')?.paused && document.querySelector('video.shown').currentTime > 2.5);
    // baseline: a seek inside the playing clip
    const seek = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const video = document.querySelector('video.shown');
          const started = performance.now();
          video.addEventListener('seeked', () => resolve(performance.now() - started), { once: true });
          video.currentTime = 1;
        }),
    );
    seeks.push(seek);
    await page.locator('.clip-line strong', { hasText: 'seq-3.mp4' }).waitFor();
    await page.waitForFunction(() => document.querySelector('video.shown')?.currentTime > 0.5);
    const events = await page.evaluate(() => window.__events);
    for (let i = 0; i < events.length; i++) {
      if (events[i][0] !== 'ended') continue;
      const playing = events.slice(i + 1).find(([type, src]) => type === 'playing' && src !== events[i][1]);
      if (playing) stalls.push(playing[2] - events[i][2]);
    }
    await context.close();
  }
  console.log(`\nContinuous playback: 4 clips of 6 s back to back (${ROUNDS} rounds, ${stalls.length} clip changes)`);
  console.log(`  seek inside a clip (baseline)              median ${median(seeks).toFixed(0)} ms, worst ${Math.max(...seeks).toFixed(0)} ms`);
  console.log(
    `  clip change (ended → next playing)         median ${median(stalls).toFixed(0)} ms (${(median(stalls) / median(seeks)).toFixed(2)} × the seek), p95 ${percentile(stalls, 0.95).toFixed(0)} ms, worst ${Math.max(...stalls).toFixed(0)} ms`,
  );
} finally {
  await browser.close();
  await app.stop();
}
