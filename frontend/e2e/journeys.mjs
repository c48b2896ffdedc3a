// The browser journeys of `make test`, one after another against one jar started once (each journey
// also runs alone, starting its own). Links last 20 s, as the review journey needs to see them
// renewed; the governance journey, which changes the admin's password, comes last.
import { shareApp, startApp } from './harness.mjs';

const app = await startApp({ name: 'journeys', env: { STREAM_URL_TTL_SECONDS: '20' } });
shareApp(app);
try {
  for (const journey of ['upload', 'review', 'timeline', 'evidence', 'motion', 'governance']) {
    await import(`./${journey}-journey.mjs`);
  }
} finally {
  shareApp(null);
  await app.stop();
}
