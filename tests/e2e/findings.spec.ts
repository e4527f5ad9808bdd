import { randomBytes } from 'node:crypto';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { runCli } from './support/cli';
import { type StoredEvent, seedTrailAndFindings } from './support/seed-findings';

// A unique tag per run, so titles are ours even if analysis after ingest adds findings of its own.
const tag = randomBytes(3).toString('hex');
const START = new Date('2026-05-12T10:00:00Z');
const HOSTILE_SUMMARY = `Key used from 198.51.100.66 <img src=x onerror="document.title='pwned'"> by dana`;
const titles = {
  keyUse: `New access key used at once ${tag}`,
  recon: `Discovery burst ${tag}`,
  trail: `CloudTrail stopped ${tag}`,
};
const password = `e2e-${randomBytes(9).toString('hex')}`;
const analyst = `analyst-${tag}@example.test`;
const viewer = `viewer-${tag}@example.test`;

let events: StoredEvent[];
let keyUseId: string;

test.beforeAll(async () => {
  for (const [email, role] of [
    [analyst, 'analyst'],
    [viewer, 'viewer'],
  ]) {
    runCli(['user', 'add', email as string, '--role', role as string], {
      TRAILHOUND_USER_PASSWORD: password,
    });
  }
  const seeded = await seedTrailAndFindings(START, (stored) => {
    const create = stored.find((event) => event.eventName === 'CreateAccessKey') as StoredEvent;
    const first = stored[0] as StoredEvent;
    const principalId = first.principalId;
    const base = { accountId: first.accountId, principalId, principalKey: 'dana', region: 'eu-west-1' };
    return [
      {
        ...base,
        ruleId: 'R19',
        severity: 'critical',
        title: titles.keyUse,
        summary: HOSTILE_SUMMARY,
        firstSeen: first.eventTime,
        lastSeen: create.eventTime,
        events: [first, create].map(({ accountId, eventId, eventTime }) => ({
          accountId,
          eventId,
          eventTime,
        })),
      },
      { ...base, ruleId: 'R42', severity: 'medium', title: titles.recon, firstSeen: first.eventTime },
      {
        ...base,
        ruleId: 'R66',
        severity: 'high',
        title: titles.trail,
        firstSeen: first.eventTime,
        status: 'closed',
      },
    ];
  });
  events = seeded.events;
  keyUseId = seeded.findingIds[0] as string;
});

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/overview$/);
  return page;
}

const feedRow = (page: Page, title: string) =>
  page.getByRole('region', { name: 'Feed' }).getByRole('row').filter({ hasText: title });

test('an analyst filters the feed, opens a finding, triages it and follows the link to the principal', async ({
  browser,
}) => {
  const page = await signedInPage(browser, analyst);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Findings' })).toBeVisible();
  for (const title of Object.values(titles)) await expect(feedRow(page, title)).toBeVisible();

  // Filter by severity: the URL carries the filter, and only the critical finding stays.
  const filters = page.getByRole('form', { name: 'Filter findings' });
  await filters.getByLabel('Severity').selectOption('critical');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/findings\?severity=critical$/);
  await expect(feedRow(page, titles.keyUse)).toBeVisible();
  await expect(feedRow(page, titles.recon)).toHaveCount(0);
  await expect(feedRow(page, titles.trail)).toHaveCount(0);
  // The severity counts keep every severity (a facet ignores its own filter), and mark the choice.
  await expect(page.getByRole('link', { name: /^Critical: \d+ findings$/ })).toHaveAttribute(
    'aria-current',
    'true',
  );

  // Back returns to the unfiltered feed.
  await page.goBack();
  await expect(page).toHaveURL(/\/findings$/);
  await expect(feedRow(page, titles.recon)).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(/severity=critical/);

  await feedRow(page, titles.keyUse).getByRole('link', { name: titles.keyUse }).click();
  await expect(page).toHaveURL(new RegExp(`/findings/${keyUseId}$`));
  await expect(page.getByRole('heading', { level: 1, name: titles.keyUse })).toBeVisible();
  // The summary comes from the logs: shown as text, never run as markup.
  await expect(page.getByTestId('finding-summary')).toHaveText(HOSTILE_SUMMARY);
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  expect(await page.title()).not.toBe('pwned');
  // The rule's explanation and triage steps come from its metadata.
  await expect(page.getByRole('heading', { name: 'Triage steps' })).toBeVisible();
  await expect(
    page.getByText('Compare the creator and the first user of the key (IP, user agent).'),
  ).toBeVisible();

  // Evidence: two events, each with its raw record.
  const evidence = page.getByRole('region', { name: 'Evidence' });
  await expect(evidence.getByRole('row')).toHaveCount(3);
  const createEvent = events.find((event) => event.eventName === 'CreateAccessKey') as StoredEvent;
  await evidence.getByRole('button', { name: `Raw JSON of CreateAccessKey ${createEvent.eventId}` }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('region', { name: 'Raw CloudTrail record' })).toContainText(
    `"eventID": "${createEvent.eventId}"`,
  );
  await expect(drawer).toContainText('"userName": "svc-backup"');
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  // Triage: status, then a note with markup and line breaks.
  const triage = page.getByRole('region', { name: 'Triage', exact: true });
  await triage.getByLabel('Status').selectOption('acknowledged');
  await triage.getByRole('button', { name: 'Set status' }).click();
  await expect(triage.getByRole('status')).toHaveText('Status changed to acknowledged.');
  const note = `Checked with dana's team.\n<b>not bold</b>\nKey rotated.`;
  const notes = page.getByRole('region', { name: 'Notes' });
  await notes.getByLabel('Add a note').fill(note);
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(notes.getByTestId('note-body')).toHaveText(note);
  await expect(notes.locator('b')).toHaveCount(0);

  // The status survives a reload (it is stored, not client state).
  await page.reload();
  await expect(page.getByRole('region', { name: 'Triage', exact: true }).getByLabel('Status')).toHaveValue(
    'acknowledged',
  );

  // Rule definition, then the principal's timeline around the finding.
  await page.getByRole('region', { name: 'Details' }).getByRole('link', { name: 'R19' }).click();
  await expect(page).toHaveURL(/\/findings\/rules\/R19$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Newly created access key used within the hour' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Settings' })).toContainText('"windowMinutes": 60');
  await page.goBack();
  const principalId = createEvent.principalId;
  await page.getByRole('link', { name: 'Principal timeline at that time' }).click();
  await page.waitForURL(/\/principals\//);
  const url = new URL(page.url());
  expect(url.pathname).toBe(`/principals/${principalId}`);
  // An hour either side of the finding's window.
  expect(url.searchParams.get('from')).toBe(
    new Date((events[0] as StoredEvent).eventTime.getTime() - 3_600_000).toISOString(),
  );
  expect(url.searchParams.get('to')).toBe(
    new Date(createEvent.eventTime.getTime() + 3_600_000).toISOString(),
  );
});

test('a filtered feed URL opened directly shows that view', async ({ browser }) => {
  const page = await signedInPage(browser, analyst);
  await page.goto('/findings?status=closed&rule=R66');
  await expect(feedRow(page, titles.trail)).toBeVisible();
  await expect(feedRow(page, titles.keyUse)).toHaveCount(0);
  const filters = page.getByRole('form', { name: 'Filter findings' });
  await expect(filters.getByLabel('Status')).toHaveValue('closed');
  await expect(filters.getByLabel('Rule')).toHaveValue('R66');

  await page.goto('/findings?rule=R66&severity=info');
  await expect(page.getByRole('heading', { name: 'No findings match these filters' })).toBeVisible();
  await page.getByRole('link', { name: 'Clear filters' }).last().click();
  await expect(page).toHaveURL(/\/findings$/);
  await expect(feedRow(page, titles.recon)).toBeVisible();
});

test('a viewer reads a finding but is refused every change, even with the controls forced open', async ({
  browser,
}) => {
  const page = await signedInPage(browser, viewer);
  await page.goto(`/findings/${keyUseId}`);
  await expect(page.getByRole('heading', { level: 1, name: titles.keyUse })).toBeVisible();
  const triage = page.getByRole('region', { name: 'Triage', exact: true });
  await expect(triage.getByLabel('Status')).toBeDisabled();
  await expect(triage.getByRole('button', { name: 'Set status' })).toBeDisabled();
  await expect(triage.getByLabel('Assignee')).toBeDisabled();
  await expect(triage).toContainText('you can read this finding but not change it');
  await expect(page.getByLabel('Add a note')).toHaveCount(0);
  const before = await triage.getByLabel('Status').inputValue();

  // A viewer who re-enables the form in devtools still meets the server's check.
  await triage.getByLabel('Status').evaluate((element) => element.removeAttribute('disabled'));
  await triage
    .getByRole('button', { name: 'Set status' })
    .evaluate((element) => element.removeAttribute('disabled'));
  await triage.getByLabel('Status').selectOption('false_positive');
  await triage.getByRole('button', { name: 'Set status' }).click();
  await expect(triage.getByRole('alert')).toHaveText('Your role does not allow this action.');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Triage', exact: true }).getByLabel('Status')).toHaveValue(
    before,
  );
});
