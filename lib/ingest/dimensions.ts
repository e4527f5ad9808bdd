import type pg from 'pg';
import type { NormalizedEvent } from '../cloudtrail/types';
import type { EventRefs } from './copy-format';

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

const principalCacheKey = (event: NormalizedEvent) =>
  `${event.recipientAccountId}\u0000${event.principalKey}`;

/**
 * Resolves the principal and user-agent ids an event row points at, and records new source
 * addresses. Lookups hit a per-process cache; the misses of a batch of events cost one round trip
 * per table, on a pool connection of their own and committed at once: dimension rows are
 * append-only and idempotent, so a load that rolls back leaves at worst an unused row, and
 * concurrent loaders never wait on each other's uncommitted keys.
 */
export class DimensionStore {
  private readonly principals = new Map<string, string>();
  private readonly userAgents = new Map<string, string>();
  private readonly addresses = new Set<string>();

  private readonly newAddresses = new Map<string, string>();

  constructor(private readonly pool: pg.Pool) {}

  /**
   * The refs straight from the cache, or null when some principal or user agent is not cached
   * yet. New source addresses are noted for the next `resolve` or `flushAddresses`.
   */
  cachedRefs(events: NormalizedEvent[]): EventRefs[] | null {
    const refs = new Array<EventRefs>(events.length);
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as NormalizedEvent;
      const principalId = this.principals.get(principalCacheKey(event));
      const userAgentId = event.userAgent === null ? null : this.userAgents.get(event.userAgent);
      if (principalId === undefined || userAgentId === undefined) return null;
      refs[i] = { principalId, userAgentId };
      const ip = event.sourceIp;
      if (ip !== null && !this.addresses.has(ip)) this.newAddresses.set(ip, event.ipKind ?? 'invalid');
    }
    return refs;
  }

  async flushAddresses(): Promise<void> {
    if (!this.newAddresses.size) return;
    const missing = [...this.newAddresses];
    this.newAddresses.clear();
    if (this.addresses.size + missing.length > MAX_CACHED) this.addresses.clear();
    await this.pool.query(INSERT_IPS, [missing.map(([ip]) => ip), missing.map(([, kind]) => kind)]);
    for (const [ip] of missing) this.addresses.add(ip);
  }

  async resolve(events: NormalizedEvent[]): Promise<EventRefs[]> {
    await Promise.all([
      this.resolvePrincipals(events),
      this.resolveUserAgents(events),
      this.recordAddresses(events),
    ]);
    return events.map((event) => ({
      principalId: this.principals.get(principalCacheKey(event)) as string,
      userAgentId: event.userAgent === null ? null : (this.userAgents.get(event.userAgent) as string),
    }));
  }

  private async resolvePrincipals(events: NormalizedEvent[]): Promise<void> {
    const missing = new Map<string, NormalizedEvent>();
    for (const event of events) {
      const key = principalCacheKey(event);
      if (!this.principals.has(key) && !missing.has(key)) missing.set(key, event);
    }
    if (!missing.size) return;
    if (this.principals.size + missing.size > MAX_CACHED) this.principals.clear();
    const rows = [...missing.values()];
    const column = <T>(pick: (event: NormalizedEvent) => T) => rows.map(pick);
    const params = [
      column((e) => e.recipientAccountId),
      column((e) => e.principalKey),
      column((e) => e.principalType),
      column((e) => e.principalName),
      column((e) => e.principalArn),
      column((e) => e.principalAccountId),
      column((e) => e.baseRoleArn),
      column((e) => e.sessionName),
      column((e) => e.roleSessionKind),
      column((e) => e.sessionIssuerArn),
    ];
    const store = (found: { id: string; account_id: string; principal_key: string }[]) => {
      for (const row of found) this.principals.set(`${row.account_id}\u0000${row.principal_key}`, row.id);
    };
    store((await this.pool.query(UPSERT_PRINCIPALS, params)).rows);
    // A row another loader committed after this statement's snapshot was neither inserted nor
    // visible to it; a second statement sees it.
    if ([...missing.keys()].some((key) => !this.principals.has(key))) {
      store((await this.pool.query(UPSERT_PRINCIPALS, params)).rows);
    }
  }

  private async resolveUserAgents(events: NormalizedEvent[]): Promise<void> {
    const missing = new Map<string, NormalizedEvent>();
    for (const event of events) {
      const value = event.userAgent;
      if (value !== null && !this.userAgents.has(value) && !missing.has(value)) missing.set(value, event);
    }
    if (!missing.size) return;
    if (this.userAgents.size + missing.size > MAX_CACHED) this.userAgents.clear();
    const rows = [...missing.values()];
    const params = [
      rows.map((e) => e.userAgent),
      rows.map((e) => e.userAgentFamily),
      rows.map((e) => e.userAgentDetail),
    ];
    const store = (found: { id: string; value: string }[]) => {
      for (const row of found) this.userAgents.set(row.value, row.id);
    };
    store((await this.pool.query(UPSERT_USER_AGENTS, params)).rows);
    if ([...missing.keys()].some((value) => !this.userAgents.has(value))) {
      store((await this.pool.query(UPSERT_USER_AGENTS, params)).rows);
    }
  }

  private async recordAddresses(events: NormalizedEvent[]): Promise<void> {
    for (const event of events) {
      const ip = event.sourceIp;
      if (ip !== null && !this.addresses.has(ip)) this.newAddresses.set(ip, event.ipKind ?? 'invalid');
    }
    await this.flushAddresses();
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
