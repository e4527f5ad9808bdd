import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { createIpEnricher } from '../../lib/enrich';
import {
  GEO_ACCOUNT,
  GEO_DAYS,
  GEO_SOURCES,
  type GeoEvent,
  geoEvents,
  writeGeoTrail,
} from '../fixtures/e2e/geo-trail';
import { runCli } from './support/cli';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from './support/env';

const events = geoEvents();
let workDir: string;

test.beforeAll(() => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'th-e2e-overview-'));
  // The CLI runs the after-ingest steps too: enrichment, then the rollups the pages read.
  const summary = JSON.parse(runCli(['ingest', writeGeoTrail(workDir, events), '--json']));
  expect(summary.eventsInserted).toBe(events.length);
});
test.afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E_ADMIN_EMAIL);
  await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/overview$/);
}

const countIn = (list: GeoEvent[], from: string, to: string) =>
  list.filter((event) => event.time >= new Date(from) && event.time < new Date(to)).length;

function accountEvents(page: Page) {
  return page
    .getByTestId('accounts-table')
    .getByRole('row')
    .filter({ hasText: GEO_ACCOUNT })
    .getByRole('cell')
    .first();
}

test('an overview link with a time range opens on exactly that range', async ({ page }) => {
  await signIn(page);
  const from = '2026-05-02T00:00:00.000Z';
  const to = '2026-05-03T00:00:00.000Z';
  await page.goto(`/overview?from=${from}&to=${to}&by=account`);
  await expect(page.getByTestId('range-from')).toHaveAttribute('datetime', from);
  await expect(page.getByTestId('range-to')).toHaveAttribute('datetime', to);
  await expect(accountEvents(page)).toHaveText(countIn(events, from, to).toLocaleString('en-US'));
  await expect(
    page.getByRole('navigation', { name: 'Stack the volume by' }).getByRole('link', { name: 'Account' }),
  ).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText(GEO_ACCOUNT);
});

test('brushing the volume chart puts the range in the URL and the tables follow', async ({ page }) => {
  await signIn(page);
  await page.goto(`/overview?from=${GEO_DAYS.from}&to=${GEO_DAYS.to}`);
  await expect(accountEvents(page)).toHaveText(events.length.toLocaleString('en-US'));

  const chart = page.getByTestId('volume-chart');
  // The bars are drawn once the chart has hydrated and measured itself: only then does it listen.
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const box = await chart.boundingBox();
  if (!box) throw new Error('the chart is not on screen');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, y, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 8 });
  await page.mouse.up();

  await page.waitForURL((url) => url.searchParams.get('from') !== GEO_DAYS.from);
  const url = new URL(page.url());
  const from = url.searchParams.get('from') as string;
  const to = url.searchParams.get('to') as string;
  expect(Date.parse(from)).toBeGreaterThan(Date.parse(GEO_DAYS.from));
  expect(Date.parse(to)).toBeLessThan(Date.parse(GEO_DAYS.to));
  await expect(page.getByTestId('range-from')).toHaveAttribute('datetime', new Date(from).toISOString());
  const expected = countIn(events, from, to);
  expect(expected).toBeLessThan(events.length);
  await expect(accountEvents(page)).toHaveText(expected.toLocaleString('en-US'));

  // Back returns to the whole three days.
  await page.goBack();
  await expect(accountEvents(page)).toHaveText(events.length.toLocaleString('en-US'));
});

test('clicking a country on the map filters the geography page', async ({ page }) => {
  const enricher = createIpEnricher();
  const countryOf = new Map(GEO_SOURCES.map((ip) => [ip, enricher.lookup(ip)?.countryCode as string]));
  const target = countryOf.get('81.2.69.142') as string;
  const inTarget = GEO_SOURCES.filter((ip) => countryOf.get(ip) === target);
  const elsewhere = GEO_SOURCES.filter((ip) => countryOf.get(ip) !== target);

  await signIn(page);
  await page.goto(`/geo?from=${GEO_DAYS.from}&to=${GEO_DAYS.to}`);
  const addresses = page.getByTestId('addresses-table');
  for (const ip of GEO_SOURCES) await expect(addresses.getByRole('link', { name: ip })).toBeVisible();

  await page.locator(`[data-bubble="${target}"]`).hover();
  await expect(page.getByRole('tooltip')).toContainText('events');
  await page.locator(`[data-bubble="${target}"]`).click();

  await expect(page).toHaveURL(new RegExp(`country=${target}`));
  expect(new URL(page.url()).searchParams.get('from')).toBe(GEO_DAYS.from);
  await expect(page.getByRole('heading', { name: /Map: .* selected/ })).toBeVisible();
  for (const ip of inTarget) await expect(addresses.getByRole('link', { name: ip })).toBeVisible();
  for (const ip of elsewhere) await expect(addresses.getByRole('link', { name: ip })).toHaveCount(0);
  await expect(page.getByText('IP geolocation by').first()).toBeVisible();

  await page.getByRole('link', { name: 'Clear country' }).click();
  await expect(page).not.toHaveURL(/country=/);
  for (const ip of GEO_SOURCES) await expect(addresses.getByRole('link', { name: ip })).toBeVisible();
});
