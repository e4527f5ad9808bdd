import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { ACCOUNT, ALL_RECORDS, DANA_ARN, NEW_KEY, ROLE_ARN } from '../fixtures/principals/pivot-trail';
import { gz } from '../helpers/memory-source';
import { runCli } from './support/cli';
import { signedInPage } from './support/sign-in';

// The pivot story of tests/fixtures/principals: dana, in the scope of 25 Oct 2026, signs in from
// new places, creates a key for svc-backup and assumes Admin, whose session stops CloudTrail.
const SCOPE = { from: '2026-10-25T00:00:00.000Z', to: '2026-10-26T00:00:00.000Z' };
let workDir: string;

test.beforeAll(() => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'th-e2e-principals-'));
  const dir = path.join(workDir, 'AWSLogs', ACCOUNT, 'CloudTrail', 'us-east-1', '2026', '10', '25');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `${ACCOUNT}_CloudTrail_us-east-1_20261025T1030Z_pivot.json.gz`),
    gz({ Records: ALL_RECORDS }),
  );
  const summary = JSON.parse(runCli(['ingest', path.join(workDir, 'AWSLogs'), '--json']));
  expect(summary.filesFailed).toBe(0);
});
test.afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

async function danaHref(page: Page): Promise<string> {
  await page.goto(`/principals?q=${encodeURIComponent(DANA_ARN)}`);
  const link = page
    .getByRole('table', { name: 'Principals' })
    .getByRole('link', { name: 'dana', exact: true });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/principals\/\d+$/);
  return href as string;
}

test('the principals list searches by name and access key and opens a principal', async ({ browser }) => {
  const page = await signedInPage(browser);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Principals' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Principals' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Principals' });
  await expect(table.getByRole('link', { name: 'svc-backup' })).toBeVisible();

  await page.getByLabel('Search').fill(NEW_KEY);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${NEW_KEY}`));
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('svc-backup');

  await page.getByLabel('Search').fill(DANA_ARN);
  await expect(table.getByRole('row')).toHaveCount(2);
  await table.getByRole('link', { name: 'dana', exact: true }).click();
  await expect(page).toHaveURL(/\/principals\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'dana' })).toBeVisible();
  // Back returns to the searched list: the search is in the URL.
  await page.goBack();
  await expect(page.getByLabel('Search')).toHaveValue(DANA_ARN);
});

test('a shared principal URL opens with its scope and filters, and brushing zooms the scope', async ({
  browser,
}) => {
  const page = await signedInPage(browser);
  const href = await danaHref(page);
  await page.goto(`${href}?from=${SCOPE.from}&to=${SCOPE.to}&tservice=iam`);

  await expect(page.getByRole('heading', { level: 1, name: 'dana' })).toBeVisible();
  const histogram = page.getByTestId('activity-histogram');
  await expect(histogram).toHaveAttribute(
    'aria-label',
    'Activity histogram: 5 calls, 1 errors, 1 access denied',
  );

  const ips = page.getByRole('region', { name: 'IP addresses' });
  const fresh = ips.getByRole('listitem').filter({ hasText: '192.0.2.50' });
  await expect(fresh).toContainText('New to account');
  await expect(fresh).toContainText('3 in scope');
  const borrowed = ips.getByRole('listitem').filter({ hasText: '203.0.113.9' });
  await expect(borrowed).toContainText('New');
  await expect(borrowed).not.toContainText('New to account');
  await expect(ips.getByRole('listitem').filter({ hasText: '198.51.100.7' })).not.toContainText('New');
  await expect(page.getByRole('region', { name: 'Assumed roles' })).toContainText(ROLE_ARN);

  const sessions = page.getByRole('region', { name: 'Role sessions' });
  await expect(sessions).toContainText(ROLE_ARN);
  await expect(sessions).toContainText('4 calls');
  const keys = page.getByRole('table', { name: 'Keys it created' });
  await expect(keys.getByRole('row').filter({ hasText: NEW_KEY })).toContainText('svc-backup');

  // The filter from the URL: only dana's IAM calls, newest first.
  const timeline = page.getByRole('table', { name: 'Timeline' });
  await expect(timeline.getByRole('row')).toHaveCount(3);
  await expect(timeline.getByRole('row').nth(1)).toContainText('CreateAccessKey');
  await expect(timeline.getByRole('row').nth(2)).toContainText('ListUsers');
  await expect(page.getByRole('form', { name: 'Timeline filters' }).getByLabel('Service')).toHaveValue('iam');

  // Raw JSON of the denied call.
  await timeline.getByRole('button', { name: /^Raw JSON of ListUsers/ }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText('not authorized to perform: iam:ListUsers');
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(drawer).toBeHidden();

  // Drag across the middle of the histogram: the scope narrows to the selected bars.
  const chart = histogram.locator('.recharts-wrapper');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('histogram not rendered');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, y, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => new URL(page.url()).searchParams.get('from')).not.toBe(SCOPE.from);
  const zoomed = new URL(page.url());
  const from = new Date(zoomed.searchParams.get('from') as string).getTime();
  const to = new Date(zoomed.searchParams.get('to') as string).getTime();
  expect(from).toBeGreaterThan(Date.parse(SCOPE.from));
  expect(to).toBeLessThan(Date.parse(SCOPE.to));
  expect(zoomed.searchParams.get('tservice')).toBe('iam');
  await expect(page.getByTestId('scope-summary')).toContainText(new Date(from).toISOString().slice(11, 16));
  await page.goBack();
  await expect(histogram).toHaveAttribute('aria-label', /5 calls/);
});

test('an event opens with its ±10-minute context across the account', async ({ browser }) => {
  const page = await signedInPage(browser);
  const href = await danaHref(page);
  await page.goto(`${href}?from=${SCOPE.from}&to=${SCOPE.to}&tevent=ListUsers`);
  const timeline = page.getByRole('table', { name: 'Timeline' });
  await timeline.getByRole('link', { name: /^Context around ListUsers/ }).click();
  await expect(page).toHaveURL(/[?&]around=/);
  await expect(page.getByText(/Context around the event at 25 Oct 2026, 10:05 UTC/)).toBeVisible();
  // 09:55–10:15: dana's calls at 10:00, 10:05, 10:10 and svc-backup's first use of its new key.
  await expect(timeline.getByRole('row')).toHaveCount(5);
  await expect(timeline.getByRole('row').filter({ hasText: 'svc-backup' })).toContainText('ListBuckets');
  await expect(timeline.locator('tr[data-anchor="true"]')).toContainText('ListUsers');
});

test('an account summary opens straight from its URL and explains its posture', async ({ browser }) => {
  const page = await signedInPage(browser);
  await page.goto(`/accounts/${ACCOUNT}`);
  await expect(page.getByRole('heading', { level: 1, name: `Account ${ACCOUNT}` })).toBeVisible();
  const posture = page.getByRole('region', { name: 'Security posture' });
  const trail = posture.locator('[data-signal="cloudtrail_disabled"]');
  await expect(trail).toContainText('Alert');
  await expect(trail).toContainText('StopLogging');
  await expect(trail).toContainText('not switched back on');
  await expect(posture.locator('[data-signal="long_lived_keys"]')).toContainText(NEW_KEY);
  await expect(posture.locator('[data-signal="root_usage"]')).toContainText('OK');
  await expect(page.getByRole('region', { name: 'Open findings' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  await expect(
    page.getByRole('table', { name: 'Accounts' }).getByRole('link', { name: ACCOUNT }),
  ).toBeVisible();
});
