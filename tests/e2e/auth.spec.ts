import { type Browser, expect, type Page, test } from '@playwright/test';

const ADMIN_EMAIL = 'admin@trailhound.local';

function adminPassword(): string {
  const password = process.env.TRAILHOUND_ADMIN_PASSWORD;
  if (!password) throw new Error('TRAILHOUND_ADMIN_PASSWORD must be set for the e2e run');
  return password;
}

async function signIn(page: Page, email: string, password: string, path = '/login') {
  await page.goto(path);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/overview$/);
  return page;
}

const SECTIONS = [
  'Overview',
  'Principals',
  'Findings',
  'Events',
  'Geography',
  'Investigations',
  'Ingest',
  'Settings',
];

test('an admin signs in, sees the shell, and signing out revokes the session', async ({ page, request }) => {
  await signIn(page, ADMIN_EMAIL, adminPassword());
  await expect(page).toHaveURL(/\/overview$/);

  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of SECTIONS) await expect(nav.getByRole('link', { name })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByText('No events yet')).toBeVisible();
  await expect(page.getByText(ADMIN_EMAIL)).toBeVisible();

  await nav.getByRole('link', { name: 'Findings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Findings' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Findings' })).toHaveAttribute('aria-current', 'page');

  const cookie = (await page.context().cookies()).find((c) => c.name === 'th_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The old cookie is dead on the server, not just deleted from this browser.
  const replay = await request.get('/api/me', { headers: { cookie: `th_session=${cookie?.value}` } });
  expect(replay.status()).toBe(401);
});

test('a page without a session redirects to sign-in and returns there afterwards', async ({ page }) => {
  await page.goto('/principals?sort=risk');
  await expect(page).toHaveURL(/\/login\?next=%2Fprincipals%3Fsort%3Drisk$/);
  await expect(page.getByRole('heading', { name: 'Sign in to Trailhound' })).toBeVisible();

  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(adminPassword());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/principals\?sort=risk$/);
});

test('the login page refuses an off-site next and a wrong password, without saying which part was wrong', async ({
  page,
}) => {
  // An unknown email: a wrong admin password would count towards the admin's own throttle.
  await signIn(page, 'nobody@example.test', 'not the password', '/login?next=https://evil.example/');
  // Scoped to main: Next's route announcer is an (empty) alert too.
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email or password is incorrect.');
  await expect(page.getByLabel('Email')).toHaveValue('nobody@example.test');

  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(adminPassword());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/overview$/);
});

test('APIs and server actions answer 401 without a session; health is public', async ({ request }) => {
  const me = await request.get('/api/me');
  expect(me.status()).toBe(401);
  expect(await me.json()).toEqual({ error: 'unauthorized' });

  for (const path of ['/overview', '/settings/users']) {
    const action = await request.post(path, {
      headers: { 'Next-Action': '7f00000000000000000000000000000000000000aa', 'Content-Type': 'text/plain' },
      data: '[]',
    });
    expect(action.status()).toBe(401);
  }

  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ ok: true, db: 'up' });
});

test('/api/me returns the signed-in user', async ({ page }) => {
  await signIn(page, ADMIN_EMAIL, adminPassword());
  await expect(page).toHaveURL(/\/overview$/);
  const me = await page.request.get('/api/me');
  expect(await me.json()).toEqual({ email: ADMIN_EMAIL, role: 'admin' });
});

test('a viewer gets 403 on user admin, and replaying the admin action as the viewer is refused', async ({
  browser,
}) => {
  const admin = await signedInPage(browser, ADMIN_EMAIL, adminPassword());
  await admin.goto('/settings/users');
  await expect(admin.getByRole('heading', { name: 'Add a user' })).toBeVisible();

  // Created as analyst, then demoted to viewer through the UI, so the role change can be captured.
  const email = `e2e-${Date.now()}@example.test`;
  await admin.getByLabel('Email').fill(email);
  await admin.getByLabel('Role', { exact: true }).selectOption('analyst');
  await admin.getByRole('button', { name: 'Add user' }).click();
  const generated = admin.getByLabel('Generated password');
  await expect(generated).toHaveText(/^[A-Za-z0-9]{20}$/);
  const password = (await generated.textContent()) ?? '';

  const roleSelect = admin.getByLabel(`Role for ${email}`, { exact: true });
  await roleSelect.selectOption('viewer');
  const [roleChange] = await Promise.all([
    admin.waitForRequest(
      (request) => request.method() === 'POST' && Boolean(request.headers()['next-action']),
    ),
    admin.getByRole('button', { name: `Save role for ${email}` }).click(),
  ]);
  await roleChange.response();
  await admin.reload();
  await expect(admin.getByLabel(`Role for ${email}`, { exact: true })).toHaveValue('viewer');

  const viewer = await signedInPage(browser, email, password);
  const denied = await viewer.goto('/settings/users');
  expect(denied?.status()).toBe(403);
  await expect(viewer.getByRole('heading', { name: /403/ })).toBeVisible();
  await viewer.goto('/settings');
  // No Users tab; Detection is there, read-only (tests/e2e/detection-settings.spec.ts).
  await expect(viewer.getByRole('navigation', { name: 'Settings sections' }).getByRole('link')).toHaveText([
    'Account',
    'Detection',
  ]);

  // The viewer replays the captured request from its own browser, asking for admin.
  const headers = roleChange.headers();
  const body = (roleChange.postData() ?? '').replace(/(name="[^"]*role"\r\n\r\n)viewer/, '$1admin');
  expect(body).toMatch(/role"\r\n\r\nadmin/);
  const replay = await viewer.evaluate(
    async ({ url, init }) => {
      const response = await fetch(url, init);
      return { status: response.status, text: await response.text() };
    },
    {
      url: roleChange.url(),
      init: {
        method: 'POST',
        body,
        headers: {
          accept: 'text/x-component',
          'content-type': headers['content-type'] ?? '',
          'next-action': headers['next-action'] ?? '',
        },
      },
    },
  );
  expect(replay.text).toContain('"error":"forbidden"');
  const me = await viewer.request.get('/api/me');
  expect(await me.json()).toEqual({ email, role: 'viewer' });

  await admin.context().close();
  await viewer.context().close();
});

test('the theme toggle switches to dark and the choice survives a reload', async ({ page }) => {
  await signIn(page, ADMIN_EMAIL, adminPassword());
  await expect(page).toHaveURL(/\/overview$/);
  const html = page.locator('html');

  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
  await page.reload();
  await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();

  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/);
});
