import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, expect, type Page, type Request, test } from '@playwright/test';
import type pg from 'pg';
import { ACCOUNT, trailFile, writeTree } from '../fixtures/e2e/trail-files';
import { runCli } from './support/cli';
import { connectE2eDatabase } from './support/db';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from './support/env';

// One investigation, start to finish, as the people involved use it. The steps share the case,
// so they run in order.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now();
const ANALYST = { email: `analyst-${stamp}@example.test`, password: 'e2e-analyst-password' };
const VIEWER = { email: `viewer-${stamp}@example.test`, password: 'e2e-viewer-password' };
const CASE_TITLE = `Leaked key used from a VPS ${stamp}`;
const FINDING_TITLE = `Access key created for another user ${stamp}`;
const XSS_NOTE =
  '**Root cause**: key in a public repo. <img src=x onerror="window.__pwned=1"> [bad](javascript:window.__pwned=2)';

let workDir: string;
let db: pg.Client;
let event: { accountId: string; eventId: string; principalId: string };
let findingId: string;
let caseUrl: string;
let shareUrl: string;
let noteAction: Request;

async function signIn(browser: Browser, user: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/overview$/);
  return page;
}

async function noteCount(): Promise<number> {
  const id = caseUrl.split('/').pop();
  const { rows } = await db.query('SELECT count(*)::int AS n FROM investigation_note WHERE case_id = $1', [
    id,
  ]);
  return rows[0].n;
}

/** Replays a captured server-action request from `page`'s browser, optionally with another Origin. */
async function replay(page: Page, request: Request, origin?: string) {
  const headers = request.headers();
  const response = await page.request.post(request.url(), {
    headers: {
      accept: 'text/x-component',
      'content-type': headers['content-type'] ?? '',
      'next-action': headers['next-action'] ?? '',
      ...(headers['next-router-state-tree']
        ? { 'next-router-state-tree': headers['next-router-state-tree'] }
        : {}),
      origin: origin ?? new URL(request.url()).origin,
    },
    data: request.postDataBuffer() ?? undefined,
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

test.beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'th-e2e-cases-'));
  runCli(['user', 'add', ANALYST.email, '--role', 'analyst'], { TRAILHOUND_USER_PASSWORD: ANALYST.password });
  runCli(['user', 'add', VIEWER.email, '--role', 'viewer'], { TRAILHOUND_USER_PASSWORD: VIEWER.password });
  writeTree(path.join(workDir, 'trail'), [trailFile('us-east-1', new Date('2026-05-04T09:00:00Z'), 10)]);
  runCli(['ingest', path.join(workDir, 'trail')]);

  // The detection runner is another branch's step: seed the finding it would have written.
  db = await connectE2eDatabase();
  const { rows } = await db.query(
    `SELECT account_id AS "accountId", event_id AS "eventId", principal_id::text AS "principalId", event_time
       FROM event WHERE account_id = $1 AND event_name = 'CreateAccessKey' ORDER BY event_time DESC LIMIT 1`,
    [ACCOUNT],
  );
  event = rows[0];
  const finding = await db.query(
    `INSERT INTO finding (rule_id, dedup_key, severity, title, summary, account_id, principal_id, principal_key,
                          first_seen, last_seen, event_count)
     SELECT 'R17', $1, 'high', $2, 'dana created an access key for svc-backup', e.account_id, e.principal_id,
            p.principal_key, e.event_time, e.event_time, 1
       FROM event e JOIN principal p ON p.id = e.principal_id
      WHERE e.account_id = $3 AND e.event_id = $4
     RETURNING id::text`,
    [`e2e-${stamp}`, FINDING_TITLE, event.accountId, event.eventId],
  );
  findingId = finding.rows[0].id;
  await db.query(
    `INSERT INTO finding_event (finding_id, account_id, event_id, event_time)
     SELECT $1, account_id, event_id, event_time FROM event WHERE account_id = $2 AND event_id = $3`,
    [findingId, event.accountId, event.eventId],
  );
});

test.afterAll(async () => {
  await db?.end();
  rmSync(workDir, { recursive: true, force: true });
});

test('an analyst creates a case, bookmarks a finding and an event, writes a note and shares a link', async ({
  browser,
}, testInfo) => {
  const page = await signIn(browser, ANALYST);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Investigations' }).click();
  await page.getByLabel('Title', { exact: true }).fill(CASE_TITLE);
  await page.getByLabel('Severity', { exact: true }).selectOption('high');
  await page.getByLabel('Tags', { exact: true }).fill('ir-7, keys');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/investigations\/\d+$/);
  caseUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1, name: CASE_TITLE })).toBeVisible();

  const bookmark = page.getByRole('region', { name: 'Bookmark by id' });
  await bookmark.getByLabel('Finding id', { exact: true }).fill(findingId);
  await bookmark.getByRole('checkbox', { name: 'Star it' }).check();
  await bookmark.getByRole('button', { name: 'Add bookmark' }).click();
  await expect(bookmark.getByRole('status')).toHaveText('Finding added to the case.');

  await bookmark.getByLabel('Bookmark a', { exact: true }).selectOption('event');
  await bookmark.getByLabel('Account id', { exact: true }).fill(event.accountId);
  await bookmark.getByLabel('CloudTrail event id', { exact: true }).fill(event.eventId);
  await bookmark.getByLabel('Tags', { exact: true }).fill('pivot');
  await bookmark.getByRole('button', { name: 'Add bookmark' }).click();
  await expect(bookmark.getByRole('status')).toHaveText('Event added to the case.');

  await bookmark.getByLabel('Bookmark a', { exact: true }).selectOption('view');
  await bookmark.getByLabel('Label', { exact: true }).fill('Everything dana did');
  await bookmark
    .getByLabel('View URL', { exact: true })
    .fill(
      `/events?account=${ACCOUNT}&principal=${event.principalId}&from=2026-05-04T00:00:00Z&to=2026-05-05T00:00:00Z`,
    );
  await bookmark.getByRole('button', { name: 'Add bookmark' }).click();
  await expect(bookmark.getByRole('status')).toHaveText('Saved view added to the case.');
  await expect(page.getByRole('list', { name: 'Saved views' })).toContainText('Everything dana did');

  const timeline = page.getByRole('list', { name: 'Case timeline' });
  await expect(timeline.getByRole('link', { name: FINDING_TITLE })).toBeVisible();
  await expect(timeline.getByText('CreateAccessKey')).toBeVisible();
  await expect(timeline.getByRole('list', { name: /Tags of event/ })).toContainText('#pivot');
  await expect(timeline.getByRole('button', { name: `Unstar finding ${FINDING_TITLE}` })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // A note with markdown and an XSS payload: the markdown renders, the payload is inert text.
  await page.getByLabel('Note', { exact: true }).fill(XSS_NOTE);
  [noteAction] = await Promise.all([
    page.waitForRequest(
      (request) => request.method() === 'POST' && Boolean(request.headers()['next-action']),
    ),
    page.getByRole('button', { name: 'Add note' }).click(),
  ]);
  const note = timeline.getByRole('listitem').filter({ hasText: 'Root cause' });
  await expect(note.locator('strong', { hasText: 'Root cause' })).toBeVisible();
  await expect(note).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(note.locator('img')).toHaveCount(0);
  await expect(note.getByText('bad')).toBeVisible();
  expect(await note.locator('a[href^="javascript"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(note).toContainText(ANALYST.email);

  // The owner adds the viewer, who will read along.
  await page.getByLabel('Member email', { exact: true }).fill(VIEWER.email);
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('list', { name: 'Members' })).toContainText(VIEWER.email);

  const share = page.getByRole('region', { name: 'Share' });
  await share.getByLabel('For', { exact: true }).fill('Legal review');
  await share.getByLabel('Expires after', { exact: true }).selectOption('168');
  await share.getByRole('button', { name: 'Create share link' }).click();
  const link = share.getByLabel('Share link', { exact: true });
  await expect(link).toHaveValue(/\/share\/[A-Za-z0-9_-]{43}$/);
  shareUrl = await link.inputValue();
  await expect(share.getByRole('list', { name: 'Share links' })).toContainText('Whole case · Active');
  const casePage = await page.screenshot({ fullPage: true, path: testInfo.outputPath('case-page.png') });
  await testInfo.attach('case-page', { body: casePage, contentType: 'image/png' });
  await page.context().close();
});

test('server actions refuse a cross-origin POST (CSRF), while the same request from the app works', async ({
  browser,
}) => {
  const page = await signIn(browser, ANALYST);
  const before = await noteCount();
  const forged = await replay(page, noteAction, 'https://evil.example');
  expect(forged.status).toBeGreaterThanOrEqual(400);
  expect(await noteCount()).toBe(before);

  const genuine = await replay(page, noteAction);
  expect(genuine.status).toBe(200);
  expect(genuine.text).toContain('Note added.');
  expect(await noteCount()).toBe(before + 1);
  await page.context().close();
});

test('a browser with no session opens the share link read-only, with nothing to navigate to', async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  const response = await page.goto(shareUrl);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cache-control'] ?? '').not.toContain('public');
  await expect(page.getByRole('heading', { level: 1, name: CASE_TITLE })).toBeVisible();
  await expect(page.getByText('Read-only, shared for')).toBeVisible();
  await expect(page.getByText(FINDING_TITLE).first()).toBeVisible();
  await expect(page.getByText('CreateAccessKey').first()).toBeVisible();
  await expect(page.locator('strong', { hasText: 'Root cause' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Indicators of compromise' })).toBeVisible();
  await expect(page.getByText('AKIAIOSFODNN7EXAMPLE').first()).toBeVisible();
  // No navigation, no links into the app, nothing to edit.
  await expect(page.locator('a[href]')).toHaveCount(0);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.locator('form, textarea, button')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');
  // The link is not a session: the app itself still asks for a sign-in.
  await page.goto(caseUrl);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.context().close();
});

test("a shared saved view shows that view's events only", async ({ browser }) => {
  const analyst = await signIn(browser, ANALYST);
  await analyst.goto(caseUrl);
  const share = analyst.getByRole('region', { name: 'Share' });
  await share.getByLabel('For', { exact: true }).fill('Dana view for the SOC');
  await share.getByLabel('Covers', { exact: true }).selectOption({ label: 'View: Everything dana did' });
  await share.getByRole('button', { name: 'Create share link' }).click();
  await expect(share.getByLabel('Share link', { exact: true })).toHaveValue(/\/share\//);
  const viewUrl = await share.getByLabel('Share link', { exact: true }).inputValue();

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(viewUrl);
  await expect(
    anonymous.getByRole('heading', { level: 1, name: 'Events: Dana view for the SOC' }),
  ).toBeVisible();
  await expect(anonymous.getByRole('list', { name: 'Events' }).getByRole('listitem')).toHaveCount(10);
  await expect(anonymous.getByRole('heading', { name: CASE_TITLE })).toHaveCount(0);
  await expect(anonymous.locator('a[href]')).toHaveCount(0);

  // An expired link gets a clear page, not an error.
  await db.query(
    `UPDATE share_link SET expires_at = created_at + interval '1 millisecond' WHERE label = 'Dana view for the SOC'`,
  );
  await anonymous.reload();
  await expect(anonymous.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
  await analyst.context().close();
  await anonymous.context().close();
});

test('the link is revoked and then refused; a tampered link is refused too', async ({ browser }) => {
  const analyst = await signIn(browser, ANALYST);
  await analyst.goto(caseUrl);
  const share = analyst.getByRole('region', { name: 'Share' });
  await share.getByRole('button', { name: 'Revoke link for Legal review' }).click();
  await expect(share.getByRole('list', { name: 'Share links' })).toContainText('Whole case · Revoked');

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(shareUrl);
  await expect(anonymous.getByRole('heading', { name: 'This link was revoked' })).toBeVisible();
  await expect(anonymous.getByText(CASE_TITLE)).toHaveCount(0);
  await anonymous.goto(`${shareUrl.slice(0, -2)}xy`);
  await expect(anonymous.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await analyst.context().close();
  await anonymous.context().close();
});

test('a viewer reads the case but cannot edit it, in the page or by replaying an action', async ({
  browser,
}) => {
  const viewer = await signIn(browser, VIEWER);
  await viewer.goto('/investigations');
  await expect(viewer.getByRole('heading', { name: 'New case' })).toHaveCount(0);
  await viewer.getByRole('link', { name: CASE_TITLE }).click();
  await expect(viewer.getByRole('heading', { level: 1, name: CASE_TITLE })).toBeVisible();
  await expect(viewer.getByText('Viewers cannot change it.')).toBeVisible();
  await expect(viewer.getByLabel('Note', { exact: true })).toHaveCount(0);
  await expect(
    viewer.getByRole('button', { name: /Save case|Add bookmark|Create share link|Revoke/ }),
  ).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /^(Star|Unstar) / })).toHaveCount(0);

  const before = await noteCount();
  const replayed = await replay(viewer, noteAction);
  expect(replayed.text).toContain('"error":"forbidden"');
  expect(await noteCount()).toBe(before);
  await viewer.context().close();
});

test('the report renders for print, and the Markdown export downloads', async ({ browser }, testInfo) => {
  const page = await signIn(browser, ANALYST);
  await page.goto(caseUrl);
  await page.getByRole('link', { name: 'Open report' }).click();
  await expect(page).toHaveURL(/\/investigations\/\d+\/report$/);
  for (const heading of [
    'Summary',
    'Activity',
    'Timeline',
    'Findings',
    'Principals involved',
    'Indicators of compromise',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByRole('img', { name: /Events per day/ })).toBeVisible();
  await expect(page.getByText('203.0.113.24').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  const screenshot = await page.screenshot({ fullPage: true, path: testInfo.outputPath('case-report.png') });
  await testInfo.attach('case-report', { body: screenshot, contentType: 'image/png' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await testInfo.attach('case-report.pdf', { body: pdf, contentType: 'application/pdf' });

  const markdown = await page.request.get(`/api${caseUrl}/markdown`);
  expect(markdown.status()).toBe(200);
  expect(markdown.headers()['content-disposition']).toMatch(/attachment; filename="trailhound-case-\d+\.md"/);
  const text = await markdown.text();
  expect(text).toContain(`# ${CASE_TITLE}`);
  expect(text).toContain('## Indicators of compromise');
  // Log values are code spans in the export, so nothing in them can become a link or HTML.
  expect(text).toContain('| ` AKIAIOSFODNN7EXAMPLE ` |');
  await page.context().close();
});

test('an admin reads who created, shared, viewed through a link and revoked, in the audit log', async ({
  browser,
}) => {
  const admin = await signIn(browser, { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD });
  await admin.goto('/settings/audit?action=share.');
  const log = admin.getByRole('region', { name: 'Audit log' });
  for (const label of [
    'Share link created',
    'Opened through a share link',
    'Share link revoked',
    'Share link refused',
  ]) {
    await expect(log.getByRole('cell', { name: new RegExp(`^${label}`) }).first()).toBeVisible();
  }
  await admin.getByLabel('Action', { exact: true }).selectOption('case.create');
  await admin.getByLabel('Who', { exact: true }).fill(ANALYST.email);
  await admin.getByRole('button', { name: 'Filter' }).click();
  await expect(admin).toHaveURL(/action=case\.create/);
  await expect(log.getByRole('row')).toHaveCount(2);
  await expect(log.getByRole('link', { name: /^case #\d+$/ })).toBeVisible();

  // Only admins read it.
  const viewer = await signIn(browser, VIEWER);
  expect((await viewer.goto('/settings/audit'))?.status()).toBe(403);
  await admin.context().close();
  await viewer.context().close();
});
