/** Columns the explorer can sort by on the server (event-sql.ts maps each to its expression). */
export const SORT_COLUMNS = [
  'time',
  'event',
  'service',
  'account',
  'region',
  'principal',
  'ip',
  'error',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
