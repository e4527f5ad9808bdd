import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { runCli } from './support/cli';
import { connectE2eDatabase } from './support/db';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from './support/env';
import { signedInPage } from './support/sign-in';

const SIGMA = path.resolve('tests/fixtures/sigma');

// The specs share one server: the rules, thresholds and allow-lists saved here would change what
// the detection engine finds for the specs after this one.
test.afterAll(async () => {
  const db = await connectE2eDatabase();
  try {
    await db.query('DELETE FROM sigma_rule');
    await db.query('DELETE FROM rule_setting');
    await db.query('DELETE FROM detection_setting');
  } finally {
    await db.end();
  }
});

test('an admin uploads Sigma rules, sees them listed and the invalid one refused, and switches one off', async ({
  browser,
}) => {
  const page = await signedInPage(browser, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  await page.goto('/settings');
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'Detection' })
    .click();
  await expect(page).toHaveURL(/\/settings\/detection$/);

  await page
    .getByLabel('Sigma rule files')
    .setInputFiles([
      path.join(SIGMA, 'valid/cloudtrail-important-change.yml'),
      path.join(SIGMA, 'invalid/unknown-modifier.yml'),
    ]);
  await page.getByRole('button', { name: 'Import rules' }).click();

  const results = page.getByRole('list', { name: 'Import results' });
  await expect(results.getByRole('listitem')).toHaveCount(2);
  await expect(results.getByRole('listitem').filter({ hasText: 'CloudTrail Trail Stopped' })).toContainText(
    'Imported',
  );
  const refused = results.getByRole('listitem').filter({ hasText: 'Encoded Command In User Data' });
  await expect(refused).toContainText('Failed');
  await expect(refused).toContainText('field "requestParameters.userData": modifier "base64offset"');

  const table = page.getByRole('table', { name: 'Imported Sigma rules' });
  const good = table.getByRole('row').filter({ hasText: 'CloudTrail Trail Stopped, Updated Or Deleted' });
  await expect(good).toContainText('sigma:5b1e3c2a-7d4f-4a8e-9c61-2f0d8e4b7a10');
  await expect(good).toContainText('On');
  const bad = table.getByRole('row').filter({ hasText: 'Encoded Command In User Data' });
  await expect(bad).toContainText('Error');
  await expect(bad).toContainText('base64offset');

  await good.getByRole('button', { name: 'Disable CloudTrail Trail Stopped, Updated Or Deleted' }).click();
  await expect(good).toContainText('Off');

  // The page is a link: opening it directly shows the same stored state.
  await page.goto('/settings/detection');
  await expect(
    page
      .getByRole('table', { name: 'Imported Sigma rules' })
      .getByRole('row')
      .filter({ hasText: 'CloudTrail Trail Stopped' }),
  ).toContainText('Off');
  // And the CLI sees what the browser stored.
  const listed = JSON.parse(runCli(['rules', 'list', '--json'])) as { ruleId: string; enabled: boolean }[];
  expect(listed.find((rule) => rule.ruleId === 'sigma:5b1e3c2a-7d4f-4a8e-9c61-2f0d8e4b7a10')?.enabled).toBe(
    false,
  );
});

test('an admin tunes a catalogue threshold: a bad value is refused by the rule schema, a good one saved', async ({
  browser,
}) => {
  const page = await signedInPage(browser, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  await page.goto('/settings/detection?q=R03');
  const rules = page.getByRole('list', { name: 'Catalogue rules' });
  await expect(rules.getByRole('listitem')).toHaveCount(1);
  await rules.getByText('Repeated failed root console sign-ins').click();
  const form = page.getByRole('form', { name: 'Settings for R03' });
  await expect(form.getByText('Default: 5')).toBeVisible();
  await form.getByLabel('failures').fill('-3');
  await form.getByRole('button', { name: 'Save R03' }).click();
  await expect(form.getByRole('alert')).toContainText('Check the highlighted fields');
  await form.getByLabel('failures').fill('9');
  await form.getByRole('button', { name: 'Save R03' }).click();
  await expect(form.getByRole('status')).toContainText('R03 saved');

  await page.goto('/settings/detection?show=tuned');
  await expect(page.getByRole('list', { name: 'Catalogue rules' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Catalogue rules' })).toContainText('Tuned');
});

test('an admin saves allow-lists; a malformed CIDR is refused with its reason', async ({ browser }) => {
  const page = await signedInPage(browser, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  await page.goto('/settings/detection');
  await page.getByLabel('Trusted networks (CIDR)').fill('198.51.100.0/24\nnot-a-range');
  await page.getByRole('button', { name: 'Save allow-lists' }).click();
  await expect(page.getByText(/not a CIDR range/)).toBeVisible();
  await expect(page.getByLabel('Trusted networks (CIDR)')).toHaveValue('198.51.100.0/24\nnot-a-range');
  await page.getByLabel('Trusted networks (CIDR)').fill('198.51.100.0/24');
  await page.getByLabel('Known AWS accounts').fill('123456789012');
  await page.getByRole('button', { name: 'Save allow-lists' }).click();
  await expect(page.getByText('Detection settings saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Trusted networks (CIDR)')).toHaveValue('198.51.100.0/24');
});

test('an analyst reads the detection settings but cannot change them', async ({ browser }) => {
  const email = `analyst-${randomBytes(4).toString('hex')}@example.test`;
  const password = `pw-${randomBytes(12).toString('hex')}`;
  runCli(['user', 'add', email, '--role', 'analyst'], { TRAILHOUND_USER_PASSWORD: password });
  const page = await signedInPage(browser, email, password);
  await page.goto('/settings/detection');
  await expect(page.getByText('only admins can change them')).toBeVisible();
  await expect(page.getByLabel('Sigma rule files')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save allow-lists' })).toHaveCount(0);
  await expect(page.getByLabel('Trusted networks (CIDR)')).toBeDisabled();
  await expect(page.getByRole('button', { name: /^(Disable|Enable|Delete) / })).toHaveCount(0);
  await page.goto('/settings/detection?q=R03');
  await page
    .getByRole('list', { name: 'Catalogue rules' })
    .getByText('Repeated failed root console sign-ins')
    .click();
  await expect(page.getByRole('form', { name: 'Settings for R03' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Catalogue rules' })).toContainText('failures');

  // Hiding the form is not the check: the analyst replays the admin's upload form (its server
  // action fields, as the page sends them without JavaScript) and the server refuses it.
  const admin = await signedInPage(browser, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  const html = await (await admin.request.get('/settings/detection')).text();
  const formHtml = html.slice(html.lastIndexOf('<form', html.indexOf('id="sigma-files"')));
  const fields = Object.fromEntries(
    [
      ...formHtml
        .slice(0, formHtml.indexOf('</form>'))
        .matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g),
    ].map(([, name, value]) => [name, (value ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&')]),
  );
  expect(Object.keys(fields).some((name) => name.startsWith('$ACTION_'))).toBe(true);
  const upload = (as: typeof page) =>
    as.request.post('/settings/detection', {
      // As a browser sends it; Next compares the Origin of a server action with the host.
      headers: { origin: new URL(as.url()).origin },
      multipart: {
        ...fields,
        files: {
          name: 'root-account-usage.yml',
          mimeType: 'application/yaml',
          buffer: readFileSync(path.join(SIGMA, 'valid/root-account-usage.yml')),
        },
      },
    });
  const storedIds = () =>
    (JSON.parse(runCli(['rules', 'list', '--json'])) as { ruleId: string }[]).map((rule) => rule.ruleId);
  const ROOT_RULE = 'sigma:6f2a9c0d-1b7e-4d35-a8c4-e0f5b3d92716';
  expect((await upload(page)).status()).toBeLessThan(500);
  expect(storedIds()).not.toContain(ROOT_RULE);
  // The same request from the admin does store the rule, so the refusal above was the role check.
  expect((await upload(admin)).ok()).toBe(true);
  expect(storedIds()).toContain(ROOT_RULE);
});
