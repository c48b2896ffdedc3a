// The journey of issue 22 in Debian's Chromium against the real jar: an admin disables an operator,
// whose open page falls back to sign-in at its next request and who cannot sign in again; the admin
// renames a pin, sets the mall's retention, places a legal hold on a video (whose delete is then
// refused) and changes their own password; the audit page lists the disable, the rename, the hold
// and the refused sign-in, downloads the CSV and verifies the chain. Screenshots at 1280 and 768 px.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { apiClient, journeySteps, launchBrowser, makeVideo, SCREENSHOTS, shot, signIn as signInAt, startApp, WORK } from './harness.mjs';

const ADMIN = { email: 'admin@e2e.example', password: 'admin-password-e2e' };
const OPERATOR = { email: 'guard@e2e.example', password: 'guard-password-1' };

mkdirSync(SCREENSHOTS, { recursive: true });
mkdirSync(WORK, { recursive: true });

const app = await startApp({ name: 'governance-journey' });
const api = apiClient(app.baseUrl);
const browser = await launchBrowser();
const { step, passed: steps } = journeySteps();

const signIn = (context, user) => signInAt(context, app.baseUrl, user);


try {
  const admin = await api.login(ADMIN.email, ADMIN.password);
  const mallId = (await api.call('POST', '/api/malls', admin, { name: 'Harbour Mall', time_zone: 'Europe/London' })).body.id;
  const pinId = (await api.call('POST', `/api/malls/${mallId}/pins`, admin, { name: 'Loading bay' })).body.id;
  const created = await api.call('POST', '/api/users', admin, { ...OPERATOR, role: 'OPERATOR', mall_ids: [mallId] });
  assert.equal(created.status, 201, JSON.stringify(created.body));

  // a clip on the pin, as an upload leaves it (uploaded; the hold does not wait for its proxy)
  const bytes = readFileSync(makeVideo(join(WORK, 'governance-3s.mp4'), { seconds: 3 }));
  const uploads = `/api/malls/${mallId}/pins/${pinId}/uploads`;
  const initiated = await api.call('POST', `${uploads}/initiate`, admin, {
    filename: 'bay-door.mp4',
    file_size_bytes: bytes.length,
    checksum_sha256: createHash('sha256').update(bytes).digest('hex'),
    metadata: { recorded_at: '2026-11-02T08:00:00Z' },
  });
  for (const { part_number: number, url } of initiated.body.presigned_urls) {
    const size = initiated.body.part_size_bytes;
    await fetch(url, { method: 'PUT', body: bytes.subarray((number - 1) * size, number * size) });
  }
  const videoId = initiated.body.video_id;
  assert.equal((await api.call('POST', `${uploads}/${videoId}/complete`, admin)).status, 200);

  const operatorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const operator = await signIn(operatorContext, OPERATOR);
  const adminContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await signIn(adminContext, ADMIN);

  await step('the admin disables the operator, after confirming', async () => {
    await operator.getByRole('link', { name: 'Harbour Mall' }).click();
    await operator.getByRole('heading', { name: 'Harbour Mall' }).waitFor();
    await page.goto(`${app.baseUrl}/admin`);
    await page.getByRole('button', { name: `Disable ${OPERATOR.email}` }).click();
    await page.getByRole('alertdialog').getByText(`Disable ${OPERATOR.email}?`).waitFor();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('status').filter({ hasText: `${OPERATOR.email} is disabled.` }).waitFor();
    await page.getByRole('button', { name: `Enable ${OPERATOR.email}` }).waitFor();
    await shot(page, '50-admin-accounts');
  });

  await step('the operator’s open page falls back to sign-in at its next request, and sign-in is refused', async () => {
    await operator.getByRole('link', { name: 'Videos of Loading bay' }).click();
    await operator.waitForURL(/\/login\?next=.*expired=1/);
    await operator.getByText('Your session ended.').waitFor();
    await operator.getByLabel('Email').fill(OPERATOR.email);
    await operator.getByLabel('Password').fill(OPERATOR.password);
    await operator.getByRole('button', { name: 'Sign in' }).click();
    await operator.getByRole('alert').filter({ hasText: 'This account is disabled; ask an admin to enable it.' }).waitFor();
    await shot(operator, '51-disabled-sign-in');
  });

  await step('the admin renames a pin, which keeps its id', async () => {
    await page.getByRole('button', { name: 'Rename pin Loading bay' }).click();
    await page.getByLabel('New name of pin Loading bay').fill('Loading bay north');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('button', { name: 'Rename pin Loading bay north' }).waitFor();
    const pins = await api.call('GET', `/api/malls/${mallId}/pins`, admin);
    assert.equal(pins.body.pins[0].name, 'Loading bay north');
    assert.equal(pins.body.pins[0].id, pinId);
  });

  await step('the admin sets the mall’s retention and sees what tonight’s run deletes', async () => {
    await page.getByLabel('Keep footage of Harbour Mall for (days)').fill('30');
    await page.getByRole('button', { name: 'Save retention of Harbour Mall' }).click();
    await page.getByText(/^\d+ videos? \([^)]*\) will be deleted tonight/).waitFor();
  });

  await step('the admin places a legal hold on the video, sees it there, and its delete is refused', async () => {
    await page.goto(`${app.baseUrl}/videos/${videoId}`);
    await page.getByRole('heading', { name: 'bay-door.mp4' }).waitFor();
    await page.getByText('This video is under no legal hold').waitFor();
    await page.getByRole('button', { name: 'Place a legal hold' }).click();
    await page.getByLabel('Reason').fill('Police request 2026/114');
    await page.getByLabel('Review on').fill('2027-06-30');
    await page.getByRole('button', { name: 'Place hold' }).click();
    await page.getByText('Police request 2026/114').waitFor();
    await page.getByText(/placed by admin@e2e\.example, review on Wed 30 Jun 2027/).waitFor();
    await shot(page, '56-video-on-hold');
    const refused = await api.call('DELETE', `/api/videos/${videoId}`, admin);
    assert.equal(refused.status, 409);
    assert.match(refused.body.detail, /Police request 2026\/114/);
  });

  await step('the audit page lists the disable, the rename, the hold and the refused sign-in, and the chain holds', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    const table = page.locator('table.audit');
    await table.getByRole('cell', { name: 'account.disabled' }).waitFor();
    await table.getByRole('cell', { name: 'mall.pin_renamed' }).waitFor();
    await table.getByRole('cell', { name: 'hold.placed' }).waitFor();
    const refused = table.getByRole('row').filter({ hasText: 'auth.sign_in' }).filter({ hasText: 'denied' });
    await refused.first().waitFor();
    assert.match(await refused.first().textContent(), /guard@e2e\.example/);
    await page.getByLabel('Action').fill('account.');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/action=account\./);
    await table.getByRole('cell', { name: 'mall.pin_renamed' }).first().waitFor({ state: 'detached' });
    await table.getByRole('cell', { name: 'account.disabled' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    assert.match(csv, /^seq,at,actor_user_id,actor_email/);
    assert.match(csv, /account\.disabled/);
    assert.doesNotMatch(csv, /mall\.pin_renamed/);
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByRole('status').filter({ hasText: /The chain holds: \d+ rows checked/ }).waitFor();
    await shot(page, '52-audit-log');
  });

  await step('the admin changes their own password: the current one is needed', async () => {
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password', { exact: true }).fill('admin-password-e2e-2');
    await page.getByLabel('New password again').fill('admin-password-e2e-2');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').filter({ hasText: 'The current password is not right; nothing was changed.' }).waitFor();
    await page.getByLabel('Current password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password is changed.' }).waitFor();
    // the page goes on with the new token; the old one is refused
    await page.getByRole('link', { name: 'Malls' }).click();
    await page.getByRole('link', { name: 'Harbour Mall' }).waitFor();
    assert.equal((await api.call('GET', '/api/me', admin)).status, 401);
    await shot(page, '53-account');
  });

  await step('at 768 px the admin and audit pages fit the width', async () => {
    const narrow = await browser.newContext({ viewport: { width: 768, height: 1000 } });
    const small = await signIn(narrow, { email: ADMIN.email, password: 'admin-password-e2e-2' });
    for (const [path, name] of [
      ['/admin', '54-admin-768'],
      ['/admin/audit', '55-audit-768'],
    ]) {
      await small.goto(`${app.baseUrl}${path}`);
      await small.getByRole('heading', { level: 1 }).waitFor();
      await shot(small, name);
    }
    await narrow.close();
  });

  console.log(`\nGovernance journey: ${steps.length} steps passed.`);
} catch (error) {
  console.error(steps.join('\n'));
  console.error(`The governance journey failed; the app's log is ${app.logPath}`);
  throw error;
} finally {
  await browser.close();
  await app.stop();
}
