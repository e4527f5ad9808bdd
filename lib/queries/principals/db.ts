import type pg from 'pg';
import { ACCESS_DENIED_RE } from '@/lib/cloudtrail/normalize';

/** A pool or a checked-out client: queries take either, so tests pass their own pool. */
export type Db = pg.Pool | pg.ClientBase;

// The same authorization-failure codes as isAccessDeniedCode, so the histogram marks exactly the
// events the rules count. A constant (no quotes in it), never user input, so it is inlined.
export const ACCESS_DENIED_SQL = `(e.error_code ~ '${ACCESS_DENIED_RE.source}')`;
