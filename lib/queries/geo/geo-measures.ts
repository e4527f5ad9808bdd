// Shared by the geography queries: rollup_ip_hourly rows r joined to ip_address a, with the
// range as $1 and $2. Every table shows the same figures, so they are written once.

export const IN_RANGE = 'r.hour >= $1 AND r.hour < $2';

export const GEO_MEASURES = `
  sum(r.events)::int AS events, sum(r.errors)::int AS errors,
  count(DISTINCT r.principal_id)::int AS principals,
  min(r.hour) AS "firstSeen", max(r.hour) + interval '1 hour' AS "lastSeen"`;

export interface GeoMeasures {
  events: number;
  errors: number;
  principals: number;
  firstSeen: Date;
  lastSeen: Date;
}
