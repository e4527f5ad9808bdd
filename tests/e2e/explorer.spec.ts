import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { ACCOUNT, trailFile, writeTree } from '../fixtures/e2e/trail-files';
import { parseCsv } from '../helpers/parse-csv';
import { runCli } from './support/cli';
import { downloadText } from './support/download';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, fixtureDir } from './support/env';
import { signedInPage } from './support/sign-in';

// Ten calls by one user on 10 May 2026 (a day no other spec loads): six in us-east-1 from 10:00,
// four in eu-west-1 from 10:30. Each file cycles GetCallerIdentity, ListBuckets, ListUsers,
// DescribeInstances and CreateAccessKey (the only write, with userName svc-backup).
const DAY = 'from=2026-05-10T00:00:00.000Z&to=2026-05-10T23:59:00.000Z';

test.beforeAll(() => {
  // Written once per run: a worker restarted after a failure re-ingests the same files, which
  // ingest skips, so the counts below hold.
  const workDir = fixtureDir('explorer');
  if (!existsSync(path.join(workDir, 'AWSLogs'))) {
    writeTree(workDir, [
      trailFile('us-east-1', new Date('2026-05-10T10:00:00Z'), 6),
      trailFile('eu-west-1', new Date('2026-05-10T10:30:00Z'), 4),
    ]);
  }
  runCli(['ingest', workDir, '--json']);
});

const eventsTable = (page: Page) => page.getByRole('region', { name: /events?$/ }).getByRole('table');
const bodyRows = (page: Page) => eventsTable(page).locator('tbody tr');

test('an analyst filters the explorer, sorts, picks columns, goes back, and exports the filter', async ({
  browser,
}) => {
  const page = await signedInPage(browser);
  await page.goto(`/events?${DAY}`);
  await expect(page.getByRole('heading', { level: 2, name: '10 events' })).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(10);

  const filters = page.getByRole('form', { name: 'Event filters' });
  await filters.getByLabel('Region').fill('eu-west-1');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/region=eu-west-1/);
  await expect(page.getByRole('heading', { level: 2, name: '4 events' })).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(4);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Region:eu-west-1');

  // Server-side sort by event name, ascending on the first click.
  await eventsTable(page)
    .getByRole('button', { name: /^Event/ })
    .click();
  await expect(page).toHaveURL(/sort=event&dir=asc/);
  await expect(eventsTable(page).getByRole('columnheader', { name: /^Event/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(bodyRows(page).first()).toContainText('DescribeInstances');
  await expect(bodyRows(page).last()).toContainText('ListUsers');

  // The column picker writes the URL too.
  await page.getByText('Columns (7)').click();
  const userAgent = page.getByRole('checkbox', { name: 'User agent' });
  await userAgent.click();
  await expect(userAgent).toBeChecked();
  await expect(page).toHaveURL(/cols=[a-z%2C]*ua/i);
  await expect(eventsTable(page).getByRole('columnheader', { name: 'User agent' })).toBeVisible();
  await expect(bodyRows(page).first()).toContainText('aws-cli/2.15.30');

  // Back undoes the column change, then the sort, keeping the filter.
  await page.goBack();
  await expect(page).not.toHaveURL(/cols=/);
  await expect(eventsTable(page).getByRole('columnheader', { name: 'User agent' })).toHaveCount(0);
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=/);
  await expect(page).toHaveURL(/region=eu-west-1/);
  await expect(bodyRows(page).first()).toContainText('DescribeInstances');
  await expect(bodyRows(page).last()).toContainText('GetCallerIdentity');

  // Free text searches the request parameters.
  await filters.getByLabel('Region').fill('');
  await filters.getByLabel('Request parameters contain').fill('svc-backup');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/q=svc-backup/);
  await expect(page).not.toHaveURL(/region=/);
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page)).toContainText('CreateAccessKey');

  // The exports carry exactly the filtered events.
  await filters.getByLabel('Request parameters contain').fill('');
  await filters.getByLabel('Read or write').selectOption('read');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '9 events' })).toBeVisible();
  const csv = parseCsv(await downloadText(page, 'Export CSV'));
  expect(csv[0]).toContain('eventName');
  expect(csv).toHaveLength(1 + 9);
  const nameColumn = csv[0]?.indexOf('eventName') ?? -1;
  expect(csv.slice(1).map((row) => row[nameColumn])).not.toContain('CreateAccessKey');
  const json = JSON.parse(await downloadText(page, 'Export JSON')) as {
    accountId: string;
    readOnly: boolean;
  }[];
  expect(json).toHaveLength(9);
  expect(json.every((row) => row.accountId === ACCOUNT && row.readOnly)).toBe(true);
  await page.context().close();
});

test('the raw-JSON drawer shows the record and the principal’s activity around it', async ({ browser }) => {
  const page = await signedInPage(browser);
  await page.goto(`/events?${DAY}&region=us-east-1&sort=time&dir=asc`);
  await bodyRows(page)
    .first()
    .getByRole('link', { name: /^Open GetCallerIdentity/ })
    .click();
  await expect(page).toHaveURL(/ev=111122223333%3A/);
  const drawer = page.getByRole('dialog', { name: 'GetCallerIdentity by dana' });
  const raw = drawer.getByRole('region', { name: 'Raw CloudTrail record' });
  await expect(raw).toContainText('"eventName": "GetCallerIdentity"');
  await expect(raw).toContainText('"awsRegion": "us-east-1"');

  // ±15 min by default reaches the us-east-1 file only; ±60 min also the eu-west-1 one.
  const context = drawer.getByRole('region', { name: /dana ±\d+ min/ });
  await expect(context.getByRole('listitem')).toHaveCount(6);
  await context.getByRole('link', { name: '±60 min' }).click();
  await expect(page).toHaveURL(/ctx=60/);
  await expect(context.getByRole('listitem')).toHaveCount(10);

  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).not.toHaveURL(/ev=/);
  await page.goBack();
  await expect(page.getByRole('dialog', { name: 'GetCallerIdentity by dana' })).toBeVisible();
  await page.context().close();
});

test('a shared explorer URL opens directly, after signing in, with its filters, sort, columns and event', async ({
  browser,
}) => {
  const page = await signedInPage(browser);
  await page.goto(`/events?${DAY}&event=ListBuckets&sort=region&dir=asc&cols=time,event,region,ua`);
  await bodyRows(page)
    .first()
    .getByRole('link', { name: /^Open ListBuckets/ })
    .click();
  await expect(page.getByRole('dialog')).toBeVisible();
  const shared = page.url();
  await page.context().close();

  // A teammate opens the link in a fresh browser: login first, then exactly that view.
  const context = await browser.newContext();
  const teammate = await context.newPage();
  await teammate.goto(shared);
  await expect(teammate).toHaveURL(/\/login\?next=/);
  await teammate.getByLabel('Email').fill(E2E_ADMIN_EMAIL);
  await teammate.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
  await teammate.getByRole('button', { name: 'Sign in' }).click();
  await expect(teammate).toHaveURL(shared);
  await expect(teammate.getByRole('dialog', { name: 'ListBuckets by dana' })).toBeVisible();
  await expect(teammate.getByRole('form', { name: 'Event filters' }).getByLabel('Event name')).toHaveValue(
    'ListBuckets',
  );
  await teammate.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(teammate.getByRole('heading', { level: 2, name: '2 events' })).toBeVisible();
  const headers = eventsTable(teammate).getByRole('columnheader');
  await expect(headers).toHaveText([/^Time/, /^Event/, /^Region/, 'User agent']);
  await expect(eventsTable(teammate).getByRole('columnheader', { name: /^Region/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(bodyRows(teammate).first()).toContainText('eu-west-1');
  await expect(bodyRows(teammate).last()).toContainText('us-east-1');
  await context.close();
});

test('a filter matching nothing says so, and a viewer sees events but no export', async ({ browser }) => {
  const page = await signedInPage(browser);
  await page.goto(`/events?${DAY}&event=DeleteTrail`);
  await expect(page.getByRole('heading', { name: 'No events match these filters' })).toBeVisible();
  await page.context().close();

  const email = `viewer-${Date.now()}@example.test`;
  const password = 'viewer-explorer-password-1';
  runCli(['user', 'add', email, '--role', 'viewer'], { TRAILHOUND_USER_PASSWORD: password });
  const viewer = await signedInPage(browser, email, password);
  await viewer.goto(`/events?${DAY}`);
  await expect(viewer.getByRole('heading', { level: 2, name: '10 events' })).toBeVisible();
  await expect(viewer.getByRole('link', { name: 'Export CSV' })).toHaveCount(0);
  expect((await viewer.request.get(`/api/events/export?format=csv&${DAY}`)).status()).toBe(403);
  await viewer.context().close();
});
