// Shared by the geography queries over rollup_ip_hourly r joined to ip_address a, range in $1, $2.
//
// Distinct principals are counted in two steps: first one row per (key, principal) with a hash
// aggregate, then a plain count per key. count(DISTINCT ...) would sort every joined row by
// text under the database collation instead, which costs more than the rest of the query.

export const IN_RANGE = 'r.hour >= $1 AND r.hour < $2';

/** Columns of the inner step, per (key, principal). */
export const PER_PRINCIPAL = `
  r.principal_id, sum(r.events) AS events, sum(r.errors) AS errors,
  min(r.hour) AS first_hour, max(r.hour) AS last_hour`;

/** Columns of the outer step, per key, over the inner rows `p`. */
export const GEO_MEASURES = `
  sum(p.events)::int AS events, sum(p.errors)::int AS errors, count(*)::int AS principals,
  min(p.first_hour) AS "firstSeen", max(p.last_hour) + interval '1 hour' AS "lastSeen"`;

export interface GeoMeasures {
  events: number;
  errors: number;
  principals: number;
  firstSeen: Date;
  lastSeen: Date;
}
