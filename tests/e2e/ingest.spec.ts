import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { ACCOUNT, corruptTrailFile, trailFile, writeFlat, writeTree } from '../fixtures/e2e/trail-files';
import { runCli } from './support/cli';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from './support/env';
import { signedInPage } from './support/sign-in';

let workDir: string;

test.beforeAll(() => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'th-e2e-ingest-'));
});
test.afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

test('an admin uploads trail files, follows the job to done, and opens its manifest', async ({ browser }) => {
  const page = await signedInPage(browser, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  const good = [
    trailFile('us-east-1', new Date('2026-03-14T09:05:00Z'), 4),
    trailFile('us-east-1', new Date('2026-03-14T09:10:00Z'), 3),
    trailFile('eu-west-1', new Date('2026-03-14T09:15:00Z'), 5),
  ];
  const corrupt = corruptTrailFile('us-east-1', new Date('2026-03-14T09:20:00Z'));
  const paths = writeFlat(path.join(workDir, 'flat'), [...good, corrupt]);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ingest' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ingest' })).toBeVisible();
  await page.getByLabel('Choose files').setInputFiles(paths);
  const list = page.getByRole('list', { name: 'Files to upload' });
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await expect(list).toContainText(corrupt.name);

  await page.getByRole('button', { name: 'Upload and ingest 4 files' }).click();
  await expect(page).toHaveURL(/\/ingest\?job=\d+$/);
  const jobId = new URL(page.url()).searchParams.get('job') as string;

  const panel = page.getByRole('region', { name: `Job #${jobId}`, exact: true });
  await expect(panel.getByText('upload of 4 files')).toBeVisible();
  await expect(panel.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('progressbar', { name: `Job #${jobId} progress` })).toHaveAttribute(
    'aria-valuenow',
    '100',
  );
  await expect(panel.getByText('100%')).toBeVisible();
  await expect(panel.getByTestId('stat-inserted')).toHaveText('12');
  await expect(panel.getByTestId('stat-files')).toHaveText('4 / 4');
  await expect(panel.getByTestId('stat-rejected')).toHaveText('0');
  await expect(panel.getByText('1 file could not be loaded')).toBeVisible();
  const failure = panel.getByRole('listitem').filter({ hasText: corrupt.name });
  await expect(failure).toContainText(/gzip/i);

  // The list below catches up once the job ends.
  const jobs = page.getByRole('region', { name: 'Jobs' });
  const row = jobs.getByRole('row').filter({ hasText: `Job #${jobId}` });
  await expect(row.getByText('Done', { exact: true })).toBeVisible();
  await expect(row).toContainText('1 failed');

  await panel.getByRole('link', { name: 'View details' }).click();
  await expect(page).toHaveURL(new RegExp(`/ingest/jobs/${jobId}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Job #${jobId}` })).toBeVisible();
  const files = page.getByRole('region', { name: 'Files' });
  await expect(files.getByRole('row')).toHaveCount(5);
  const failedRow = files.getByRole('row').filter({ hasText: corrupt.name });
  await expect(failedRow.getByText('Failed', { exact: true })).toBeVisible();
  await expect(failedRow).toContainText(/gzip/i);
  await expect(files.getByRole('row').filter({ hasText: good[2]?.name as string })).toContainText('5');

  await files.getByRole('link', { name: /^Failed/ }).click();
  await expect(page).toHaveURL(new RegExp(`/ingest/jobs/${jobId}\\?status=failed$`));
  await expect(files.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Digest checks' })).toContainText('No digest files');

  // Sections built on events no longer claim the database is empty.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { name: 'API volume' })).toBeVisible();
  await expect(page.getByText('No events yet')).toHaveCount(0);
  await page.context().close();
});

test('a whole folder keeps its AWSLogs layout in the manifest', async ({ browser }) => {
  const page = await signedInPage(browser, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  const file = trailFile('ap-southeast-2', new Date('2026-03-15T02:00:00Z'), 6);
  const folder = path.join(workDir, 'trail-export');
  writeTree(folder, [file]);

  await page.goto('/ingest');
  await page.getByLabel('Choose folder').setInputFiles(folder);
  await expect(page.getByRole('list', { name: 'Files to upload' })).toContainText(`trail-export/${file.key}`);
  await page.getByRole('button', { name: 'Upload and ingest 1 file' }).click();
  await expect(page).toHaveURL(/\/ingest\?job=\d+$/);
  const jobId = new URL(page.url()).searchParams.get('job') as string;
  const panel = page.getByRole('region', { name: `Job #${jobId}`, exact: true });
  await expect(panel.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByTestId('stat-inserted')).toHaveText('6');

  await page.goto(`/ingest/jobs/${jobId}`);
  await expect(page.getByRole('region', { name: 'Files' })).toContainText(
    `trail-export/AWSLogs/${ACCOUNT}/CloudTrail/ap-southeast-2/2026/03/15/${file.name}`,
  );
  await page.context().close();
});

test('an S3 import validates its form, then runs as a job and reports why it failed', async ({ browser }) => {
  const page = await signedInPage(browser, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  await page.goto('/ingest');
  const form = page.getByRole('region', { name: 'Import from S3' });
  await form.getByLabel('S3 location').fill('bucket-without-scheme/AWSLogs/');
  await form.getByLabel('Accounts').fill('12345');
  await form.getByLabel('From (UTC)').fill('2026-03-31');
  await form.getByLabel('To (UTC)').fill('2026-03-01');
  await form.getByRole('button', { name: 'Start S3 import' }).click();
  await expect(form.getByText('Enter an S3 URI like s3://my-trail-bucket/AWSLogs/.')).toBeVisible();
  await expect(form.getByText('Account ids are 12 digits, separated by commas.')).toBeVisible();
  await expect(form.getByText('The last day must not be before the first.')).toBeVisible();
  await expect(form.getByLabel('S3 location')).toHaveValue('bucket-without-scheme/AWSLogs/');

  // Nothing listens on port 9, and the e2e server has no AWS credentials: either way the job
  // must fail with a message that names the bucket, not hang or crash.
  await form.getByLabel('S3 location').fill('s3://trailhound-e2e-nowhere/AWSLogs/');
  await form.getByLabel('Accounts').fill('111122223333');
  await form.getByLabel('Regions').fill('us-east-1, eu-west-1');
  await form.getByLabel('From (UTC)').fill('2026-03-01');
  await form.getByLabel('To (UTC)').fill('2026-03-31');
  // An endpoint the operator did not allow is refused by the server, even from a tampered page:
  // the server would fetch from it with its own credentials.
  await form.getByLabel('Endpoint').evaluate((select: HTMLSelectElement) => {
    const option = document.createElement('option');
    option.value = 'http://169.254.169.254';
    option.textContent = 'instance metadata';
    select.append(option);
    select.value = option.value;
  });
  await form.getByRole('button', { name: 'Start S3 import' }).click();
  await expect(form.getByText(/only reads from AWS S3 and the endpoints its operator allowed/)).toBeVisible();
  await expect(page).toHaveURL(/\/ingest$/);
  // The operator allowed this (unreachable) store in the test server's TRAILHOUND_S3_ENDPOINTS.
  await form.getByLabel('Endpoint').selectOption('http://127.0.0.1:9');
  await form.getByRole('button', { name: 'Start S3 import' }).click();
  await expect(page).toHaveURL(/\/ingest\?job=\d+$/);
  const jobId = new URL(page.url()).searchParams.get('job') as string;
  const panel = page.getByRole('region', { name: `Job #${jobId}`, exact: true });
  await expect(panel.getByText('s3://trailhound-e2e-nowhere/AWSLogs/')).toBeVisible();
  await expect(panel.getByText('Failed', { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(panel.getByRole('alert')).toContainText('bucket "trailhound-e2e-nowhere"');

  await page.goto(`/ingest/jobs/${jobId}`);
  const details = page.getByRole('region', { name: 'Job', exact: true });
  await expect(details).toContainText('111122223333');
  await expect(details).toContainText('us-east-1, eu-west-1');
  await expect(details).toContainText('2026-03-01 to 2026-03-31 (UTC)');
  await page.context().close();
});

test('the upload API refuses traversal, streams past 10 MB, takes pieces, and needs a writer session', async ({
  browser,
  request,
}) => {
  const admin = await signedInPage(browser, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  const created = await admin.request.post('/api/uploads');
  expect(created.status()).toBe(201);
  const { uploadId } = (await created.json()) as { uploadId: string };
  const put = (page: Page, relative: string, data: string | Buffer = '{}') =>
    page.request.put(`/api/uploads/${uploadId}/files?path=${encodeURIComponent(relative)}`, { data });

  for (const evil of [
    '../../../etc/passwd',
    'a/../../b.json',
    '..\\..\\x.json',
    '/etc/passwd',
    'a\0b.json',
  ]) {
    const refused = await put(admin, evil);
    expect(refused.status(), evil).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_path', message: expect.any(String) });
  }
  // Larger than the 10 MB Next buffers for requests its proxy sees: it must arrive whole.
  const big = await put(admin, 'big/file.json', Buffer.alloc(12 * 1024 * 1024, 0x20));
  expect(big.status()).toBe(201);
  expect(await big.json()).toEqual({ path: 'big/file.json', bytes: 12 * 1024 * 1024 });

  // Large files travel in pieces (each well inside Node's five-minute request limit).
  const piece = (offset: number, data: Buffer) =>
    admin.request.put(
      `/api/uploads/${uploadId}/files?path=pieces.json&offset=${offset}&total=${3 * 1024 * 1024}`,
      { data },
    );
  const first = await piece(0, Buffer.alloc(2 * 1024 * 1024, 0x20));
  expect(first.status()).toBe(202);
  expect(await first.json()).toEqual({ path: 'pieces.json', received: 2 * 1024 * 1024, complete: false });
  const skipped = await piece(2 * 1024 * 1024 + 10, Buffer.alloc(10));
  expect(skipped.status()).toBe(409);
  expect(await skipped.json()).toMatchObject({ error: 'offset_mismatch', received: 2 * 1024 * 1024 });
  const last = await piece(2 * 1024 * 1024, Buffer.alloc(1024 * 1024, 0x20));
  expect(last.status()).toBe(201);
  expect(await last.json()).toEqual({ path: 'pieces.json', received: 3 * 1024 * 1024, complete: true });

  // A viewer sees the jobs, not the controls, and the API refuses it.
  const email = `viewer-${randomBytes(4).toString('hex')}@example.test`;
  const password = randomBytes(12).toString('hex');
  runCli(['user', 'add', email, '--role', 'viewer'], { TRAILHOUND_USER_PASSWORD: password });
  const viewer = await signedInPage(browser, email, password);
  await viewer.goto('/ingest');
  await expect(viewer.getByRole('region', { name: 'Jobs' })).toBeVisible();
  await expect(viewer.getByText('Loading data needs the analyst or admin role')).toBeVisible();
  await expect(viewer.getByLabel('Choose files')).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Start S3 import' })).toHaveCount(0);
  expect((await put(viewer, 'a.json')).status()).toBe(403);
  expect((await viewer.request.post('/api/uploads')).status()).toBe(403);
  expect((await viewer.request.post(`/api/uploads/${uploadId}/ingest`)).status()).toBe(403);
  expect((await viewer.request.get('/api/ingest/jobs/1')).status()).not.toBe(403);

  // No session at all.
  const anonymous = await request.put(`/api/uploads/${uploadId}/files?path=a.json`, { data: '{}' });
  expect(anonymous.status()).toBe(401);
  expect((await request.get('/api/ingest/jobs/1')).status()).toBe(401);
  await admin.context().close();
  await viewer.context().close();
});
