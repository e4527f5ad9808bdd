import type pg from 'pg';
import type { NormalizedEvent } from '../cloudtrail/types';

// Attacker-controlled values (user agents above all) can be unbounded in number; a cache that
// grows past this is simply started again.
const MAX_CACHED = 200_000;

const UPSERT_PRINCIPALS = `
  WITH input AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                         $8::text[], $9::text[], $10::text[])
      AS t(account_id, principal_key, principal_type, name, arn, principal_account_id, base_role_arn,
           session_name, role_session_kind, session_issuer_arn)),
  inserted AS (
    INSERT INTO principal (account_id, principal_key, principal_type, name, arn, principal_account_id,
                           base_role_arn, session_name, role_session_kind, session_issuer_arn)
    SELECT * FROM input ON CONFLICT (account_id, principal_key) DO NOTHING
    RETURNING id, account_id, principal_key)
  SELECT id::text, account_id, principal_key FROM inserted
  UNION ALL
  SELECT p.id::text, p.account_id, p.principal_key FROM principal p JOIN input i USING (account_id, principal_key)`;

const UPSERT_USER_AGENTS = `
  WITH input AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS t(value, family, detail)),
  inserted AS (
    INSERT INTO user_agent (value, family, detail) SELECT * FROM input ON CONFLICT (value) DO NOTHING
    RETURNING id, value)
  SELECT id::text, value FROM inserted
  UNION ALL
  SELECT u.id::text, u.value FROM user_agent u JOIN input i USING (value)`;

const INSERT_IPS = `
  INSERT INTO ip_address (ip, kind) SELECT * FROM unnest($1::inet[], $2::text[]) ON CONFLICT (ip) DO NOTHING`;

const principalKeyOf = (accountId: string, principalKey: string) => `${accountId}\u0000${principalKey}`;

/** The cache key of an event's principal: account and principal key. */
export const principalCacheKey = (event: NormalizedEvent) =>
  principalKeyOf(event.recipientAccountId, event.principalKey);

/** A principal row's values, in UPSERT_PRINCIPALS's parameter order. */
type PrincipalColumns = [accountId: string, principalKey: string, ...rest: (string | null)[]];

/**
 * The principal, user-agent and address rows events point at. Lookups hit a per-process cache;
 * values not cached are noted as they are met and stored by `flush`, one round trip per table for
 * all of them, on a pool connection of its own and committed at once: dimension rows are
 * append-only and idempotent, so a load that rolls back leaves at worst an unused row, and
 * concurrent loaders never wait on each other's uncommitted keys.
 *
 * Only the noted values wait for the round trip, never the events: see CopyTextWriter.
 */
export class DimensionStore {
  private readonly principals = new Map<string, string>();
  private readonly userAgents = new Map<string, string>();
  private readonly addresses = new Set<string>();

  private readonly notedPrincipals = new Map<string, PrincipalColumns>();
  private readonly notedUserAgents = new Map<string, [string, string | null]>();
  private readonly notedAddresses = new Map<string, string>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly pool: pg.Pool) {}

  /** The cached id of the principal under `key` (principalCacheKey), or undefined once noted. */
  principalId(key: string, event: NormalizedEvent): string | undefined {
    const id = this.principals.get(key);
    if (id === undefined && !this.notedPrincipals.has(key)) {
      this.notedPrincipals.set(key, [
        event.recipientAccountId,
        event.principalKey,
        event.principalType,
        event.principalName,
        event.principalArn,
        event.principalAccountId,
        event.baseRoleArn,
        event.sessionName,
        event.roleSessionKind,
        event.sessionIssuerArn,
      ]);
    }
    return id;
  }

  /** The cached id of the event's user agent (null when it has none), or undefined once noted. */
  userAgentId(event: NormalizedEvent): string | null | undefined {
    const value = event.userAgent;
    if (value === null) return null;
    const id = this.userAgents.get(value);
    if (id === undefined && !this.notedUserAgents.has(value))
      this.notedUserAgents.set(value, [event.userAgentFamily, event.userAgentDetail]);
    return id;
  }

  /** Notes the event's source address for the next flush, unless it is stored already. */
  noteAddress(event: NormalizedEvent): void {
    const ip = event.sourceIp;
    if (ip !== null && !this.addresses.has(ip)) this.notedAddresses.set(ip, event.ipKind ?? 'invalid');
  }

  /** An id `flush` has stored; throws when the flush that should have stored it failed. */
  storedPrincipalId(key: string): string {
    const id = this.principals.get(key);
    if (id === undefined) throw new Error(`principal ${JSON.stringify(key)} was not stored`);
    return id;
  }

  storedUserAgentId(value: string): string {
    const id = this.userAgents.get(value);
    if (id === undefined) throw new Error(`user agent ${JSON.stringify(value)} was not stored`);
    return id;
  }

  /**
   * Stores every value noted so far. Flushes run one after another, so when this resolves the
   * values noted before the call are stored, whichever flush took them.
   */
  flush(): Promise<void> {
    const next = this.flushing.catch(() => {}).then(() => this.flushNoted());
    this.flushing = next;
    return next;
  }

  private async flushNoted(): Promise<void> {
    const principals = [...this.notedPrincipals.values()];
    const userAgents = [...this.notedUserAgents];
    const addresses = [...this.notedAddresses];
    this.notedPrincipals.clear();
    this.notedUserAgents.clear();
    this.notedAddresses.clear();
    await Promise.all([
      principals.length ? this.storePrincipals(principals) : null,
      userAgents.length ? this.storeUserAgents(userAgents) : null,
      addresses.length ? this.storeAddresses(addresses) : null,
    ]);
  }

  private async storePrincipals(rows: PrincipalColumns[]): Promise<void> {
    if (this.principals.size + rows.length > MAX_CACHED) this.principals.clear();
    const params = rows[0]?.map((_, column) => rows.map((row) => row[column])) ?? [];
    const store = (found: { id: string; account_id: string; principal_key: string }[]) => {
      for (const row of found) this.principals.set(principalKeyOf(row.account_id, row.principal_key), row.id);
    };
    store((await this.pool.query(UPSERT_PRINCIPALS, params)).rows);
    // A row another loader committed after this statement's snapshot was neither inserted nor
    // visible to it; a second statement sees it.
    if (rows.some(([account, key]) => !this.principals.has(principalKeyOf(account, key)))) {
      store((await this.pool.query(UPSERT_PRINCIPALS, params)).rows);
    }
  }

  private async storeUserAgents(rows: [string, [string, string | null]][]): Promise<void> {
    if (this.userAgents.size + rows.length > MAX_CACHED) this.userAgents.clear();
    const params = [
      rows.map(([value]) => value),
      rows.map(([, [family]]) => family),
      rows.map(([, [, detail]]) => detail),
    ];
    const store = (found: { id: string; value: string }[]) => {
      for (const row of found) this.userAgents.set(row.value, row.id);
    };
    store((await this.pool.query(UPSERT_USER_AGENTS, params)).rows);
    if (rows.some(([value]) => !this.userAgents.has(value))) {
      store((await this.pool.query(UPSERT_USER_AGENTS, params)).rows);
    }
  }

  private async storeAddresses(rows: [string, string][]): Promise<void> {
    if (this.addresses.size + rows.length > MAX_CACHED) this.addresses.clear();
    await this.pool.query(INSERT_IPS, [rows.map(([ip]) => ip), rows.map(([, kind]) => kind)]);
    for (const [ip] of rows) this.addresses.add(ip);
  }
}

const stores = new WeakMap<pg.Pool, DimensionStore>();

export function dimensionStoreFor(pool: pg.Pool): DimensionStore {
  let store = stores.get(pool);
  if (!store) {
    store = new DimensionStore(pool);
    stores.set(pool, store);
  }
  return store;
}
