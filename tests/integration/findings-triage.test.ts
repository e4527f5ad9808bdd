import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createSession } from '../../lib/auth/session';
import { createUser } from '../../lib/auth/users';
import { disconnectPrisma, getPrisma } from '../../lib/db/prisma';
import {
  addFindingNote,
  assignFinding,
  setFindingStatus,
  type TriageActor,
  TriageError,
} from '../../lib/findings/triage';
import { getFinding } from '../../lib/queries/findings/get-finding';
import { getFindingNotes } from '../../lib/queries/findings/get-finding-notes';
import { insertFinding } from '../helpers/findings-seed';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// Server actions run inside a Next request. Outside one, these three framework seams are replaced:
// the marker package, the request's cookie jar (it returns a real session token made below) and
// the cache invalidation. The database, sessions, roles and audit log are all real.
const cookieJar = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock('server-only', () => ({}));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) =>
      name === 'th_session' && cookieJar.token ? { name, value: cookieJar.token } : undefined,
  }),
  headers: async () => new Headers(),
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

let database: TestDatabase;
let pool: pg.Pool;
const users: Record<'admin' | 'analyst' | 'viewer' | 'disabled', TriageActor> = {} as never;
const tokens: Record<string, string> = {};
let findingId: bigint;

const HOSTILE = `<img src=x onerror=alert(1)>\n=HYPERLINK("http://evil")\n'; DROP TABLE finding_note; --`;

async function auditRows(action: string) {
  return getPrisma().auditLog.findMany({ where: { action }, orderBy: { id: 'asc' } });
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url });
  process.env.DATABASE_URL = database.url;
  for (const role of ['admin', 'analyst', 'viewer'] as const) {
    const { user } = await createUser(`${role}@example.com`, role, 'correct-horse-battery-staple');
    users[role] = { userId: user.id, email: user.email, role };
    tokens[role] = (await createSession(user.id)).token;
  }
  const { user: off } = await createUser('off@example.com', 'analyst', 'correct-horse-battery-staple');
  await getPrisma().user.update({ where: { id: off.id }, data: { disabled: true } });
  users.disabled = { userId: off.id, email: off.email, role: 'analyst' };
});

beforeEach(async () => {
  findingId = BigInt(
    await insertFinding(pool, {
      ruleId: 'R19',
      severity: 'high',
      firstSeen: new Date('2026-10-01T12:00:00Z'),
    }),
  );
});

afterAll(async () => {
  await disconnectPrisma();
  await pool.end();
  await database.drop();
});

describe('triage functions', () => {
  test('an analyst changes the status; the audit log records from and to', async () => {
    expect(await setFindingStatus(users.analyst, findingId, 'acknowledged')).toEqual({ previous: 'open' });
    expect((await getFinding(findingId))?.status).toBe('acknowledged');
    const audit = (await auditRows('finding.status_change')).filter(
      (row) => row.targetId === String(findingId),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: 'analyst@example.com', targetType: 'finding' });
    expect(audit[0]?.detail).toEqual({ ruleId: 'R19', from: 'open', to: 'acknowledged' });

    // Setting the same status again changes and audits nothing.
    await setFindingStatus(users.analyst, findingId, 'acknowledged');
    expect(
      (await auditRows('finding.status_change')).filter((row) => row.targetId === String(findingId)),
    ).toHaveLength(1);
  });

  test('a viewer is refused every change, and nothing is written', async () => {
    const before = await getFinding(findingId);
    const auditBefore = await getPrisma().auditLog.count();
    for (const attempt of [
      () => setFindingStatus(users.viewer, findingId, 'closed'),
      () => assignFinding(users.viewer, findingId, users.analyst.userId),
      () => addFindingNote(users.viewer, findingId, 'mine now'),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ name: 'TriageError', code: 'forbidden' });
    }
    expect(await getFinding(findingId)).toEqual(before);
    expect(await getFindingNotes(findingId)).toEqual([]);
    expect(await getPrisma().auditLog.count()).toBe(auditBefore);
  });

  test('assigns to analysts and admins only, and unassigns', async () => {
    expect(await assignFinding(users.admin, findingId, users.analyst.userId)).toEqual({
      assigneeEmail: 'analyst@example.com',
    });
    expect(await getFinding(findingId)).toMatchObject({
      assigneeId: users.analyst.userId,
      assigneeEmail: 'analyst@example.com',
    });
    for (const target of [
      users.viewer.userId,
      users.disabled.userId,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      await expect(assignFinding(users.admin, findingId, target)).rejects.toMatchObject({ code: 'invalid' });
    }
    await assignFinding(users.analyst, findingId, null);
    expect((await getFinding(findingId))?.assigneeId).toBeNull();
    const audit = (await auditRows('finding.assign')).filter((row) => row.targetId === String(findingId));
    expect(audit.map((row) => (row.detail as { to: string | null }).to)).toEqual([
      users.analyst.userId,
      null,
    ]);
  });

  test('notes keep hostile text and line breaks exactly; empty and oversized notes are refused', async () => {
    await addFindingNote(users.analyst, findingId, `  ${HOSTILE}\n\n`);
    const notes = await getFindingNotes(findingId);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ body: HOSTILE, authorEmail: 'analyst@example.com' });
    expect(await pool.query('SELECT 1 FROM finding_note')).toHaveProperty('rowCount', 1);
    await expect(addFindingNote(users.analyst, findingId, ' \n\t ')).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(addFindingNote(users.analyst, findingId, 'x'.repeat(10_001))).rejects.toBeInstanceOf(
      TriageError,
    );
    const audit = (await auditRows('finding.note_add')).filter((row) => row.targetId === String(findingId));
    expect(audit).toHaveLength(1);
    // The audit row records that a note was added, not its (possibly sensitive) text.
    expect(JSON.stringify(audit[0]?.detail)).not.toContain('onerror');
  });

  test('concurrent status changes are serialised: each audit row starts where the previous ended', async () => {
    await Promise.all([
      setFindingStatus(users.analyst, findingId, 'acknowledged'),
      setFindingStatus(users.admin, findingId, 'closed'),
      setFindingStatus(users.analyst, findingId, 'false_positive'),
    ]);
    const chain = (await auditRows('finding.status_change'))
      .filter((row) => row.targetId === String(findingId))
      .map((row) => row.detail as { from: string; to: string });
    expect(chain).toHaveLength(3);
    expect(chain[0]?.from).toBe('open');
    for (let i = 1; i < chain.length; i++) expect(chain[i]?.from).toBe(chain[i - 1]?.to);
    expect((await getFinding(findingId))?.status).toBe(chain[2]?.to);
  });

  test('an unknown finding is not_found', async () => {
    await expect(setFindingStatus(users.analyst, 999_999n, 'closed')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('server actions', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };
  const as = (role: string | undefined) => {
    cookieJar.token = role ? tokens[role] : undefined;
  };

  test('an analyst sets the status through the action', async () => {
    const { setFindingStatusAction } = await import('../../lib/actions/set-finding-status');
    as('analyst');
    const result = await setFindingStatusAction(
      null,
      form({ findingId: String(findingId), status: 'false_positive' }),
    );
    expect(result).toEqual({ ok: true, message: 'Status changed to false positive.' });
    expect((await getFinding(findingId))?.status).toBe('false_positive');
  });

  test('a viewer is refused on the server, whatever the form says', async () => {
    const { setFindingStatusAction } = await import('../../lib/actions/set-finding-status');
    const { assignFindingAction } = await import('../../lib/actions/assign-finding');
    const { addFindingNoteAction } = await import('../../lib/actions/add-finding-note');
    as('viewer');
    const id = String(findingId);
    expect(await setFindingStatusAction(null, form({ findingId: id, status: 'closed' }))).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(
      await assignFindingAction(null, form({ findingId: id, assigneeId: users.viewer.userId })),
    ).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await addFindingNoteAction(null, form({ findingId: id, body: 'hello' }))).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await getFinding(findingId)).toMatchObject({ status: 'open', assigneeId: null });
    expect(await getFindingNotes(findingId)).toEqual([]);
  });

  test('without a session the action answers unauthorized', async () => {
    const { setFindingStatusAction } = await import('../../lib/actions/set-finding-status');
    as(undefined);
    expect(
      await setFindingStatusAction(null, form({ findingId: String(findingId), status: 'closed' })),
    ).toMatchObject({
      ok: false,
      error: 'unauthorized',
    });
  });

  test('bad input is refused with a message, and a refused note is handed back', async () => {
    const { setFindingStatusAction } = await import('../../lib/actions/set-finding-status');
    const { addFindingNoteAction } = await import('../../lib/actions/add-finding-note');
    as('analyst');
    expect(
      await setFindingStatusAction(null, form({ findingId: String(findingId), status: 'deleted' })),
    ).toMatchObject({
      ok: false,
      error: 'invalid',
    });
    expect(
      await setFindingStatusAction(null, form({ findingId: '1 OR 1=1', status: 'closed' })),
    ).toMatchObject({
      ok: false,
      error: 'invalid',
    });
    const long = 'y'.repeat(10_001);
    expect(
      await addFindingNoteAction(null, form({ findingId: String(findingId), body: long })),
    ).toMatchObject({
      ok: false,
      error: 'invalid',
      values: { body: long },
    });
  });

  test('an analyst assigns and adds a note through the actions', async () => {
    const { assignFindingAction } = await import('../../lib/actions/assign-finding');
    const { addFindingNoteAction } = await import('../../lib/actions/add-finding-note');
    as('analyst');
    const id = String(findingId);
    expect(await assignFindingAction(null, form({ findingId: id, assigneeId: users.admin.userId }))).toEqual({
      ok: true,
      message: 'Assigned to admin@example.com.',
    });
    expect(await assignFindingAction(null, form({ findingId: id, assigneeId: '' }))).toEqual({
      ok: true,
      message: 'Unassigned.',
    });
    expect(await addFindingNoteAction(null, form({ findingId: id, body: HOSTILE }))).toMatchObject({
      ok: true,
    });
    expect((await getFindingNotes(findingId)).map((note) => note.body)).toEqual([HOSTILE]);
  });
});
