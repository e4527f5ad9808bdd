// The URLs of the product's views, in one place. Pages parse these same parameters from
// searchParams, so every view is a link and widgets on one page can point at the filtered rows of
// another. Times are ISO 8601 strings in UTC. Absent or empty values are left out of the URL.

type Params = Record<string, string | number | boolean | Date | null | undefined>;

function withQuery(path: string, params: Params): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    query.set(key, value instanceof Date ? value.toISOString() : String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** Filters of the events explorer (/events). `principal` is a principal row id. */
export interface EventFilters {
  from?: Date | string;
  to?: Date | string;
  account?: string;
  region?: string;
  principal?: string;
  /** Identity type: IAMUser, AssumedRole, Root, ... */
  ptype?: string;
  service?: string;
  event?: string;
  /** 'read' or 'write'. */
  rw?: 'read' | 'write';
  /** An error code, or `*` for any error. */
  error?: string;
  /** An address, or a CIDR range such as 203.0.113.0/24. */
  ip?: string;
  asn?: number | string;
  country?: string;
  /** User-agent family. */
  ua?: string;
  /** Free text searched in the request parameters. */
  q?: string;
}

/** How the explorer shows the filtered events: table state and the event open in the drawer. */
export interface EventsView {
  /** Sort column id (time, event, service, account, region, principal, ip, error). */
  sort?: string;
  dir?: 'asc' | 'desc';
  /** 1-based page number. */
  page?: number;
  /** Visible column ids, comma-separated. */
  cols?: string;
  /** The event open in the raw-JSON drawer: `<accountId>:<eventId>`. */
  ev?: string;
  /** Minutes either side of the open event for its context (same principal). */
  ctx?: number;
}

export function eventsHref(filters: EventFilters & EventsView = {}): string {
  return withQuery('/events', { ...filters });
}

/** The `ev` value that opens one event in the explorer's drawer. */
export function eventKey(accountId: string, eventId: string): string {
  return `${accountId}:${eventId}`;
}

/** Filters of the findings feed (/findings). */
export interface FindingFilters {
  from?: Date | string;
  to?: Date | string;
  severity?: string;
  rule?: string;
  tactic?: string;
  account?: string;
  principal?: string;
  status?: string;
}

export function findingsHref(filters: FindingFilters = {}): string {
  return withQuery('/findings', { ...filters });
}

export function findingHref(findingId: string | bigint): string {
  return `/findings/${findingId}`;
}

/** A rule's definition: metadata, triage steps, settings. Works for catalogue and Sigma ids. */
export function ruleHref(ruleId: string): string {
  return `/findings/rules/${encodeURIComponent(ruleId)}`;
}

/** A principal's page; `from`/`to` set the scope, `bfrom`/`bto` the baseline window. */
export function principalHref(
  principalId: string | bigint,
  window: { from?: Date | string; to?: Date | string; bfrom?: Date | string; bto?: Date | string } = {},
): string {
  return withQuery(`/principals/${principalId}`, { ...window });
}

/** The manager's risk summary of one AWS account. */
export function accountHref(accountId: string): string {
  return `/accounts/${encodeURIComponent(accountId)}`;
}

export function caseHref(caseId: string | bigint): string {
  return `/investigations/${caseId}`;
}
