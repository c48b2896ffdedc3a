// What the browser tests run against: the real jar (embedded H2 + S3Proxy, Debian's ffmpeg) on
// free ports, with a data folder of its own, and Debian's Chromium driven by playwright-core.
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, existsSync, createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SCREENSHOTS = resolve(import.meta.dirname, 'screenshots');
export const WORK = resolve(import.meta.dirname, 'work');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Starts the jar and resolves once its health says UP; `stop()` ends it. */
let shared = null;

/**
 * Makes every later startApp() answer this app (stopping it is left to whoever started it): the
 * journeys of `make test` share one jar, started once by e2e/journeys.mjs.
 */
export function shareApp(app) {
  shared = app;
}

export async function startApp({ env = {}, name = 'app' } = {}) {
  if (shared) return { ...shared, async stop() {} };
  const jar = process.env.APP_JAR ?? join(ROOT, 'backend', 'target', 'spatial-intel-video.jar');
  if (!existsSync(jar)) throw new Error(`${jar} does not exist: build it first (./mvnw -DskipTests package).`);
  const port = await freePort();
  const s3Port = await freePort();
  const dataDir = join(WORK, `${name}-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const log = createWriteStream(join(WORK, `${name}-${process.pid}.log`));
  const child = spawn('java', ['-Xmx512m', '-jar', jar], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      SERVER_PORT: String(port),
      EMBEDDED_S3_PORT: String(s3Port),
      ADMIN_EMAIL: 'admin@e2e.example',
      ADMIN_PASSWORD: 'admin-password-e2e',
      LOG_FORMAT: 'text',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app stopped during start-up; see ${log.path}`);
    try {
      const health = await fetch(`${baseUrl}/actuator/health`);
      if (health.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The app did not become healthy in 120 s; see ${log.path}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    baseUrl,
    s3Port,
    dataDir,
    logPath: log.path,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => {
        if (child.exitCode !== null) return r();
        child.on('exit', r);
        setTimeout(() => {
          child.kill('SIGKILL');
          r();
        }, 15_000);
      });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** An MP4 made by ffmpeg: a test pattern with a tone, or noise for a big file. */
export function makeVideo(path, { seconds, noise = false }) {
  if (existsSync(path)) return path;
  const video = noise
    ? ['-f', 'lavfi', '-i', `testsrc2=s=1280x720:r=25:d=${seconds}`, '-vf', 'noise=alls=60:allf=t', '-crf', '14']
    : ['-f', 'lavfi', '-i', `testsrc2=s=1280x720:r=25:d=${seconds}`, '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`, '-c:a', 'aac', '-shortest'];
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...video, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', path]);
  return path;
}

/** The REST API as a test client uses it (to check what the page did). */
export function apiClient(baseUrl) {
  const call = async (method, path, token, body) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return {
    call,
    async login(email, password) {
      const answer = await call('POST', '/api/auth/login', null, { email, password });
      if (answer.status !== 200) throw new Error(`login of ${email} failed: ${JSON.stringify(answer.body)}`);
      return answer.body.token;
    },
  };
}

/** A journey's steps: each named, timed and printed as it passes. */
export function journeySteps() {
  const passed = [];
  const step = async (name, body) => {
    const started = Date.now();
    await body();
    passed.push(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    console.log(passed.at(-1));
  };
  return { step, passed };
}

/** A page signed in as the user, on the list of malls; its actions wait `timeout` ms at most. */
export async function signIn(context, baseUrl, user, timeout = 20_000) {
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/malls$/);
  return page;
}

/** A full-page screenshot into e2e/screenshots. */
export const shot = (page, name) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** An upload through the API (initiate, presigned PUTs, complete), then its processing awaited; the video's id. */
export async function uploadProcessed(api, token, mallId, pinId, file, name, recordedAt) {
  const bytes = readFileSync(file);
  const uploads = `/api/malls/${mallId}/pins/${pinId}/uploads`;
  const initiated = await api.call('POST', `${uploads}/initiate`, token, {
    filename: name,
    file_size_bytes: bytes.length,
    checksum_sha256: createHash('sha256').update(bytes).digest('hex'),
    metadata: { recorded_at: recordedAt },
  });
  if (initiated.status !== 201) throw new Error(`initiate failed: ${JSON.stringify(initiated.body)}`);
  const { video_id: videoId, part_size_bytes: partSize, presigned_urls: urls } = initiated.body;
  for (const { part_number: number, url } of urls) {
    const put = await fetch(url, { method: 'PUT', body: bytes.subarray((number - 1) * partSize, number * partSize) });
    if (put.status !== 200) throw new Error(`part ${number} refused: ${put.status}`);
  }
  const complete = await api.call('POST', `${uploads}/${videoId}/complete`, token);
  if (complete.status !== 200) throw new Error(`complete failed: ${JSON.stringify(complete.body)}`);
  for (const deadline = Date.now() + 90_000; ; ) {
    const details = await api.call('GET', `/api/videos/${videoId}`, token);
    if (details.body.processing_status === 'completed') return videoId;
    if (details.body.processing_status === 'failed' || Date.now() > deadline) throw new Error(`not processed: ${JSON.stringify(details.body)}`);
    await new Promise((resume) => setTimeout(resume, 500));
  }
}
