import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { SESSION_COOKIE } from '../../lib/auth/constants';
import { createSession } from '../../lib/auth/session';
import { disconnectPrisma, getPrisma } from '../../lib/db/prisma';
import { HttpSignal, RedirectSignal, requestState } from '../helpers/next-request-mocks';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// Every route handler and server action, driven as each kind of caller: no session, a viewer, an
// analyst working the case, an analyst outside it, an admin. The table is data; the completeness
// test at the bottom lists app/**/route.ts and lib/actions/*.ts, so a handler or action added
// without a row here fails. Add a row with the outcome each caller must get.

vi.mock('server-only', () => ({}));
vi.mock('next/headers', async () => (await import('../helpers/next-request-mocks')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/next-request-mocks')).nextCacheMock);
vi.mock('next/navigation', async () => (await import('../helpers/next-request-mocks')).nextNavigationMock);

const CALLERS = ['none', 'viewer', 'analyst', 'outsider', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = 'ok' | 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'throttled';
type Expectation = Record<Caller, Outcome>;

interface Fixture {
  users: Record<Exclude<Caller, 'none'>, { id: string; email: string }>;
  caseId: string;
  findingId: string;
  viewItemId: string;
  newShareLink(): Promise<string>;
  newItem(): Promise<string>;
  uploadIdOf(caller: Caller): string;
}

type ActionFn = (previous: null, formData: FormData) => Promise<unknown>;
interface ActionEntry {
  call: (action: ActionFn, fixture: Fixture, caller: Caller) => Promise<unknown>;
  expect: Expectation;
}
type HandlerFn = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;
interface RouteEntry {
  request: (
    fixture: Fixture,
    caller: Caller,
  ) => { url: string; init?: RequestInit; params?: Record<string, string> };
  expect: Expectation;
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const withForm = (fields: (fixture: Fixture) => Record<string, string>): ActionEntry['call'] => {
  return (action, fixture) => action(null, form(fields(fixture)));
};

// Outcomes shared by many rows.
const ANY_SESSION_INVALID: Expectation = {
  none: 'unauthorized',
  viewer: 'invalid',
  analyst: 'invalid',
  outsider: 'invalid',
  admin: 'invalid',
};
const ADMIN_ONLY_INVALID: Expectation = {
  none: 'unauthorized',
  viewer: 'forbidden',
  analyst: 'forbidden',
  outsider: 'forbidden',
  admin: 'invalid',
};
const WRITERS_INVALID: Expectation = {
  none: 'unauthorized',
  viewer: 'forbidden',
  analyst: 'invalid',
  outsider: 'invalid',
  admin: 'invalid',
};
/** Changes to one case: its analysts and any admin; an analyst outside it does not even see it. */
const CASE_EDIT: Expectation = {
  none: 'unauthorized',
  viewer: 'forbidden',
  analyst: 'ok',
  outsider: 'not_found',
  admin: 'ok',
};
const WRITERS_OK: Expectation = {
  none: 'unauthorized',
  viewer: 'forbidden',
  analyst: 'ok',
  outsider: 'ok',
  admin: 'ok',
};

const ACTIONS: Record<string, ActionEntry> = {
  'lib/actions/login.ts#loginAction': {
    // Public by nature; an empty form is refused as invalid, never as unauthorized.
    call: withForm(() => ({ email: '', password: '' })),
    expect: { none: 'invalid', viewer: 'invalid', analyst: 'invalid', outsider: 'invalid', admin: 'invalid' },
  },
  'lib/actions/logout.ts#logoutAction': {
    call: (action) => (action as unknown as () => Promise<void>)(),
    expect: { none: 'ok', viewer: 'ok', analyst: 'ok', outsider: 'ok', admin: 'ok' },
  },
  'lib/actions/change-password.ts#changePasswordAction': {
    call: withForm(() => ({ currentPassword: '', newPassword: '', confirmPassword: '' })),
    expect: ANY_SESSION_INVALID,
  },
  'lib/actions/create-user.ts#createUserAction': {
    call: withForm(() => ({ email: 'nope', role: 'x' })),
    expect: ADMIN_ONLY_INVALID,
  },
  'lib/actions/reset-user-password.ts#resetUserPasswordAction': {
    call: withForm(() => ({ userId: 'x' })),
    expect: ADMIN_ONLY_INVALID,
  },
  'lib/actions/revoke-user-sessions.ts#revokeUserSessionsAction': {
    call: withForm(() => ({ userId: 'x' })),
    expect: ADMIN_ONLY_INVALID,
  },
  'lib/actions/set-user-disabled.ts#setUserDisabledAction': {
    call: withForm(() => ({ userId: 'x' })),
    expect: ADMIN_ONLY_INVALID,
  },
  'lib/actions/set-user-role.ts#setUserRoleAction': {
    call: withForm(() => ({ userId: 'x', role: 'admin' })),
    expect: ADMIN_ONLY_INVALID,
  },
  'lib/actions/start-s3-ingest.ts#startS3IngestAction': {
    call: withForm(() => ({ uri: 'not-s3' })),
    expect: WRITERS_INVALID,
  },

  // Findings triage: any analyst or admin (findings are not scoped to cases).
  'lib/actions/set-finding-status.ts#setFindingStatusAction': {
    call: withForm((f) => ({ findingId: f.findingId, status: 'acknowledged' })),
    expect: WRITERS_OK,
  },
  'lib/actions/assign-finding.ts#assignFindingAction': {
    call: withForm((f) => ({ findingId: f.findingId, assigneeId: '' })),
    expect: WRITERS_OK,
  },
  'lib/actions/add-finding-note.ts#addFindingNoteAction': {
    call: withForm((f) => ({ findingId: f.findingId, body: 'Matrix note' })),
    expect: WRITERS_OK,
  },
  // Detection settings and Sigma rules: admins only.
  'lib/actions/import-sigma-rules.ts#importSigmaRulesAction': {
    call: withForm(() => ({})),
    expect: ADMIN_ONLY_INVALID,
  },
  'lib/actions/change-sigma-rule.ts#changeSigmaRuleAction': {
    call: withForm(() => ({ ruleId: '', change: 'explode' })),
    expect: ADMIN_ONLY_INVALID,
  },
  'lib/actions/save-detection-settings.ts#saveDetectionSettingsAction': {
    call: withForm(() => ({ trustedCidrs: 'not a cidr', startHour: '99' })),
    expect: ADMIN_ONLY_INVALID,
  },
  'lib/actions/save-rule-setting.ts#saveRuleSettingAction': {
    call: withForm(() => ({ ruleId: 'R00', intent: 'nonsense' })),
    expect: ADMIN_ONLY_INVALID,
  },

  'lib/actions/create-case.ts#createCaseAction': {
    call: withForm(() => ({ title: 'Matrix case', severity: 'high', tags: 'matrix' })),
    expect: WRITERS_OK,
  },
  'lib/actions/update-case.ts#updateCaseAction': {
    call: withForm((f) => ({
      caseId: f.caseId,
      title: 'Renamed',
      status: 'contained',
      severity: 'high',
      tags: 'a, b',
    })),
    expect: CASE_EDIT,
  },
  'lib/actions/case-members.ts#addCaseMemberAction': {
    call: withForm((f) => ({ caseId: f.caseId, email: f.users.viewer.email })),
    // Membership is the owner's (the analyst's) or an admin's to change.
    expect: CASE_EDIT,
  },
  'lib/actions/case-members.ts#removeCaseMemberAction': {
    call: async (action, f) => {
      const extra = await getPrisma().user.create({
        data: { email: `extra-${Math.random()}@example.test`, role: 'viewer', passwordHash: 'x' },
      });
      await getPrisma().investigationMember.create({ data: { caseId: BigInt(f.caseId), userId: extra.id } });
      return action(null, form({ caseId: f.caseId, userId: extra.id }));
    },
    expect: CASE_EDIT,
  },
  'lib/actions/add-to-case.ts#addToCaseAction': {
    call: withForm((f) => ({
      caseId: f.caseId,
      kind: 'finding',
      findingId: f.findingId,
      starred: 'on',
      tags: 'pivot',
    })),
    expect: CASE_EDIT,
  },
  'lib/actions/case-items.ts#updateCaseItemAction': {
    call: async (action, f) =>
      action(null, form({ caseId: f.caseId, itemId: await f.newItem(), starred: 'true' })),
    expect: CASE_EDIT,
  },
  'lib/actions/case-items.ts#removeCaseItemAction': {
    call: async (action, f) => action(null, form({ caseId: f.caseId, itemId: await f.newItem() })),
    expect: CASE_EDIT,
  },
  'lib/actions/add-case-note.ts#addCaseNoteAction': {
    call: withForm((f) => ({ caseId: f.caseId, body: 'Seen from **AS14061**' })),
    expect: CASE_EDIT,
  },
  'lib/actions/share-links.ts#createShareLinkAction': {
    call: withForm((f) => ({
      caseId: f.caseId,
      label: 'Legal',
      expiresInHours: '24',
      viewItemId: f.viewItemId,
    })),
    expect: CASE_EDIT,
  },
  'lib/actions/share-links.ts#revokeShareLinkAction': {
    call: async (action, f) => action(null, form({ caseId: f.caseId, linkId: await f.newShareLink() })),
    expect: CASE_EDIT,
  },
};

const ROUTES: Record<string, RouteEntry> = {
  'app/api/health/route.ts GET': {
    request: () => ({ url: '/api/health' }),
    expect: { none: 'ok', viewer: 'ok', analyst: 'ok', outsider: 'ok', admin: 'ok' },
  },
  'app/api/me/route.ts GET': {
    request: () => ({ url: '/api/me' }),
    expect: { none: 'unauthorized', viewer: 'ok', analyst: 'ok', outsider: 'ok', admin: 'ok' },
  },
  'app/api/ingest/jobs/[jobId]/route.ts GET': {
    request: () => ({ url: '/api/ingest/jobs/987654', params: { jobId: '987654' } }),
    expect: {
      none: 'unauthorized',
      viewer: 'not_found',
      analyst: 'not_found',
      outsider: 'not_found',
      admin: 'not_found',
    },
  },
  'app/api/events/raw/route.ts GET': {
    // Any role reads raw records; without both parameters the request is refused as invalid.
    request: () => ({ url: '/api/events/raw?account=111122223333' }),
    expect: {
      none: 'unauthorized',
      viewer: 'invalid',
      analyst: 'invalid',
      outsider: 'invalid',
      admin: 'invalid',
    },
  },
  'app/api/events/export/route.ts GET': {
    // Exports are for analysts and admins; an unknown format is refused before any query runs.
    request: () => ({ url: '/api/events/export?format=xls' }),
    expect: {
      none: 'unauthorized',
      viewer: 'forbidden',
      analyst: 'invalid',
      outsider: 'invalid',
      admin: 'invalid',
    },
  },
  'app/api/uploads/route.ts POST': {
    request: () => ({ url: '/api/uploads', init: { method: 'POST' } }),
    expect: { none: 'unauthorized', viewer: 'forbidden', analyst: 'ok', outsider: 'ok', admin: 'ok' },
  },
  'app/api/uploads/[uploadId]/files/route.ts PUT': {
    // Another user's (or no) batch answers 404, so batch ids cannot be probed.
    request: () => ({
      url: '/api/uploads/00000000-0000-4000-8000-000000000000/files?path=a.json.gz',
      init: { method: 'PUT', body: 'x' },
      params: { uploadId: '00000000-0000-4000-8000-000000000000' },
    }),
    expect: {
      none: 'unauthorized',
      viewer: 'forbidden',
      analyst: 'not_found',
      outsider: 'not_found',
      admin: 'not_found',
    },
  },
  'app/api/uploads/[uploadId]/ingest/route.ts POST': {
    request: () => ({
      url: '/api/uploads/00000000-0000-4000-8000-000000000000/ingest',
      init: { method: 'POST' },
      params: { uploadId: '00000000-0000-4000-8000-000000000000' },
    }),
    expect: {
      none: 'unauthorized',
      viewer: 'forbidden',
      analyst: 'not_found',
      outsider: 'not_found',
      admin: 'not_found',
    },
  },
  'app/api/investigations/[id]/markdown/route.ts GET': {
    request: (f) => ({ url: `/api/investigations/${f.caseId}/markdown`, params: { id: f.caseId } }),
    // Reading a case: its viewer member too; outside it, the case does not exist.
    expect: { none: 'unauthorized', viewer: 'ok', analyst: 'ok', outsider: 'not_found', admin: 'ok' },
  },
};

let database: TestDatabase;
let fixture: Fixture;

async function tokenFor(caller: Caller): Promise<string | null> {
  if (caller === 'none') return null;
  // A fresh session per call: logout ends the one it is called with.
  return (await createSession(fixture.users[caller].id)).token;
}

function outcomeOf(result: unknown): Outcome {
  if (result === undefined) return 'ok';
  const value = result as { ok?: boolean; error?: Outcome };
  if (value.ok === true) return 'ok';
  if (value.ok === false && value.error) return value.error;
  throw new Error(`unexpected action result ${JSON.stringify(result)}`);
}

function outcomeOfStatus(status: number): Outcome | `status ${number}` {
  if (status >= 200 && status < 300) return 'ok';
  const map: Record<number, Outcome> = {
    400: 'invalid',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
  };
  return map[status] ?? `status ${status}`;
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const prisma = getPrisma();
  const make = (role: 'admin' | 'analyst' | 'viewer', name: string) =>
    prisma.user.create({
      data: { email: `${name}@example.test`, role, passwordHash: 'x' },
      select: { id: true, email: true },
    });
  const users = {
    viewer: await make('viewer', 'viewer'),
    analyst: await make('analyst', 'analyst'),
    outsider: await make('analyst', 'outsider'),
    admin: await make('admin', 'admin'),
  };
  const investigation = await prisma.investigation.create({
    data: { title: 'Matrix', ownerId: users.analyst.id },
  });
  await prisma.investigationMember.create({ data: { caseId: investigation.id, userId: users.viewer.id } });
  const principal = await prisma.principal.create({
    data: { accountId: '111122223333', principalKey: 'user/dana', principalType: 'IAMUser', name: 'dana' },
  });
  const finding = await prisma.finding.create({
    data: {
      ruleId: 'R01',
      dedupKey: 'matrix',
      severity: 'high',
      title: 'Root use',
      summary: 's',
      accountId: '111122223333',
      principalId: principal.id,
      principalKey: 'user/dana',
      firstSeen: new Date('2026-03-01T00:00:00Z'),
      lastSeen: new Date('2026-03-01T01:00:00Z'),
      eventCount: 1,
    },
  });
  const view = await prisma.investigationItem.create({
    data: { caseId: investigation.id, kind: 'view', viewUrl: '/events?ip=203.0.113.9', label: 'VPN' },
  });
  fixture = {
    users,
    caseId: investigation.id.toString(),
    findingId: finding.id.toString(),
    viewItemId: view.id.toString(),
    async newShareLink() {
      const link = await prisma.shareLink.create({
        data: {
          tokenHash: `matrix-${Math.random()}`,
          scope: 'case',
          caseId: investigation.id,
          label: 'x',
          expiresAt: new Date(Date.now() + 3_600_000),
        },
      });
      return link.id.toString();
    },
    async newItem() {
      const item = await prisma.investigationItem.create({
        data: { caseId: investigation.id, kind: 'view', viewUrl: `/events?q=${Math.random()}`, label: 'tmp' },
      });
      return item.id.toString();
    },
    uploadIdOf: () => '00000000-0000-4000-8000-000000000000',
  };
});

afterAll(async () => {
  await (await import('../../lib/db/pg-pool')).closePool();
  await disconnectPrisma();
  await database.drop();
});

describe.each(Object.entries(ACTIONS))('server action %s', (key, entry) => {
  test.each(CALLERS)('as %s', async (caller) => {
    const [file, name] = key.split('#') as [string, string];
    const module = (await import(`../../${file}`)) as Record<string, ActionFn>;
    const action = module[name];
    expect(action, `${key} is exported`).toBeTypeOf('function');
    requestState.sessionToken = await tokenFor(caller);
    let outcome: Outcome;
    try {
      outcome = outcomeOf(await entry.call(action as ActionFn, fixture, caller));
    } catch (error) {
      if (!(error instanceof RedirectSignal)) throw error;
      outcome = 'ok';
    }
    expect(outcome).toBe(entry.expect[caller]);
  });
});

describe.each(Object.entries(ROUTES))('route %s', (key, entry) => {
  test.each(CALLERS)('as %s', async (caller) => {
    const [file, method] = key.split(' ') as [string, string];
    const module = (await import(`../../${file}`)) as Record<string, HandlerFn>;
    const handler = module[method] as HandlerFn;
    const { url, init, params } = entry.request(fixture, caller);
    const token = await tokenFor(caller);
    const request = new Request(`http://127.0.0.1${url}`, {
      ...init,
      headers: { ...(token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}), ...(init?.headers ?? {}) },
    });
    let response: Response;
    try {
      response = await handler(request, { params: Promise.resolve(params ?? {}) });
    } catch (error) {
      if (error instanceof HttpSignal) response = new Response(null, { status: error.status });
      else throw error;
    }
    expect(outcomeOfStatus(response.status)).toBe(entry.expect[caller]);
  });
});

// --- completeness -------------------------------------------------------------------------

const root = path.resolve(__dirname, '../..');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

test('every route handler has rows in the matrix', () => {
  const found = walk(path.join(root, 'app'))
    .filter((file) => path.basename(file) === 'route.ts')
    .flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const methods = [
        ...source.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g),
      ];
      return methods.map((match) => `${path.relative(root, file)} ${match[1]}`);
    });
  expect(found.sort()).toEqual(Object.keys(ROUTES).sort());
});

test('every server action has rows in the matrix', () => {
  const found = readdirSync(path.join(root, 'lib/actions'))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => `lib/actions/${name}`)
    .filter((file) => /^\s*['"]use server['"]/.test(readFileSync(path.join(root, file), 'utf8')))
    .flatMap((file) => {
      const source = readFileSync(path.join(root, file), 'utf8');
      // Every export of a 'use server' file is callable from the browser, however it is written.
      const exported = /export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=|function\s+(\w+))/g;
      return [...source.matchAll(exported)].map((match) => `${file}#${match[1] ?? match[2] ?? match[3]}`);
    });
  expect(found.sort()).toEqual(Object.keys(ACTIONS).sort());
});
