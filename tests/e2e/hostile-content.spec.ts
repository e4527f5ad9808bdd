import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { HOSTILE, HOSTILE_ACCOUNT, hostileRecords } from '../fixtures/hostile-records';
import { formulaCells, parseCsv } from '../helpers/parse-csv';
import { runCli } from './support/cli';
import { downloadText } from './support/download';
import { fixtureDir } from './support/env';
import { signedInPage } from './support/sign-in';

// Records whose user agent, bucket names, request parameters and error message carry script,
// event-handler markup, javascript: links and spreadsheet formulas, loaded through the real CLI.
// Anything that ran would set window.__trailhoundPwned or open a dialog.

const START = new Date('2026-06-01T09:00:00Z');
const RANGE = 'from=2026-06-01T00:00:00.000Z&to=2026-06-01T23:59:00.000Z';
const workDir = fixtureDir('hostile');
const recordsFile = path.join(workDir, 'records.json');
let records: Record<string, unknown>[];

test.beforeAll(() => {
  // Written once per run, so a worker restarted after a failure loads nothing twice.
  if (existsSync(recordsFile)) {
    records = JSON.parse(readFileSync(recordsFile, 'utf8'));
    return;
  }
  records = hostileRecords(START);
  const folder = path.join(
    workDir,
    'AWSLogs',
    HOSTILE_ACCOUNT,
    'CloudTrail',
    'us-east-1',
    '2026',
    '06',
    '01',
  );
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, `${HOSTILE_ACCOUNT}_CloudTrail_us-east-1_20260601T0900Z_hostile.json.gz`),
    gzipSync(JSON.stringify({ Records: records })),
  );
  const summary = JSON.parse(runCli(['ingest', path.join(workDir, 'AWSLogs'), '--json'])) as {
    eventsInserted: number;
  };
  expect(summary.eventsInserted).toBe(records.length);
  writeFileSync(recordsFile, JSON.stringify(records));
});

/** Records every dialog and page error, so a test can prove none happened. */
function watch(page: Page) {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.push(`pageerror: ${error.message}`));
  return seen;
}

async function expectNothingRan(page: Page, seen: string[]) {
  expect(
    await page.evaluate(() => (window as { __trailhoundPwned?: unknown }).__trailhoundPwned),
  ).toBeUndefined();
  expect(seen).toEqual([]);
  // The markup stayed text: no element was made from it. (The hostile strings do appear inside
  // Next's inline data scripts, as escaped JSON string literals; that is data, not markup.)
  await expect(page.locator('img[src="x"], svg[onload], [onerror], [onload]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
}

test('hostile CloudTrail values render as text in the table, the drawer and the filters, and nothing runs', async ({
  browser,
}) => {
  const page = await signedInPage(browser);
  const seen = watch(page);
  await page.goto(
    `/events?account=${HOSTILE_ACCOUNT}&${RANGE}&sort=time&dir=asc&cols=time,principal,event,ua,error`,
  );
  const table = page.getByRole('region', { name: '4 events' }).getByRole('table');
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(table.getByText(HOSTILE.scriptUserAgent, { exact: true })).toBeVisible();
  await expect(table.getByText(HOSTILE.imgUserAgent, { exact: true })).toBeVisible();
  await expect(table.getByText(HOSTILE.formulaBucket, { exact: true })).toBeVisible();
  await expect(table.getByText(HOSTILE.svgError, { exact: true })).toBeVisible();
  await expectNothingRan(page, seen);

  // The raw record of each event, bucket names and javascript: values included, is text.
  for (const [index, record] of records.entries()) {
    await table
      .locator('tbody tr')
      .nth(index)
      .getByRole('link', { name: /^Open / })
      .click();
    const raw = page.getByRole('dialog').getByRole('region', { name: 'Raw CloudTrail record' });
    await expect(raw).toContainText(JSON.stringify(record.userAgent));
    await expect(raw).toContainText(
      JSON.stringify((record.requestParameters as { bucketName: string }).bucketName),
    );
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectNothingRan(page, seen);

  // Free-text search for the markup itself, typed into the filter and carried in the URL.
  const filters = page.getByRole('form', { name: 'Event filters' });
  await filters.getByLabel('Request parameters contain').fill('<img src=x onerror');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/q=%3Cimg/);
  await expect(page.getByRole('region', { name: '1 event' }).locator('tbody tr')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('<img src=x onerror');
  await expectNothingRan(page, seen);

  // A crafted link: script in a filter value and in the event key.
  await page.goto(
    `/events?${RANGE}&q=${encodeURIComponent('<script>alert(1)</script>')}&ev=${HOSTILE_ACCOUNT}:${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
  );
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('<script>alert(1)</script>');
  await expect(page.getByRole('dialog')).toContainText('This event is no longer stored.');
  await expectNothingRan(page, seen);
  await page.context().close();
});

test('the CSV and JSON exports of hostile events are neutralised', async ({ browser }) => {
  const page = await signedInPage(browser);
  const seen = watch(page);
  await page.goto(`/events?account=${HOSTILE_ACCOUNT}&${RANGE}&sort=time&dir=asc`);

  const csv = parseCsv(await downloadText(page, 'Export CSV'));
  expect(csv).toHaveLength(1 + records.length);
  expect(formulaCells(csv)).toEqual([]);
  const cells = csv.flat();
  expect(cells).toContain(`'${HOSTILE.formulaBucket}`);
  expect(cells).toContain(`'${HOSTILE.minusFormula}`);
  expect(
    cells.some((cell) => cell.includes(`"bucketName":"${HOSTILE.formulaBucket.replaceAll('"', '\\"')}"`)),
  ).toBe(true);

  const text = await downloadText(page, 'Export JSON');
  expect(text).not.toMatch(/[<>]/);
  const rows = JSON.parse(text) as { userAgent: string; requestParameters: { bucketName: string } }[];
  expect(rows.map((row) => row.userAgent)).toEqual(records.map((record) => record.userAgent));
  expect(rows.map((row) => row.requestParameters.bucketName)).toEqual(
    records.map((record) => (record.requestParameters as { bucketName: string }).bucketName),
  );
  await expectNothingRan(page, seen);
  await page.context().close();
});
