// Reading a Sigma field name (CloudTrail dotted path) out of a raw record. A path can cross arrays
// (EC2's ipPermissions.items[], resources[]): every element is followed, and the field matches when
// any value found matches, which is how Sigma backends treat multi-valued fields.

export type Scalar = string | number | boolean;

function collect(current: unknown, path: readonly string[], depth: number, out: unknown[]): void {
  if (Array.isArray(current)) {
    for (const item of current) collect(item, path, depth, out);
    return;
  }
  if (depth === path.length) {
    out.push(current);
    return;
  }
  if (typeof current !== 'object' || current === null) return;
  const record = current as Record<string, unknown>;
  const key = path[depth] as string;
  if (Object.hasOwn(record, key)) collect(record[key], path, depth + 1, out);
}

// Values at the path: scalars, null, and objects (an object never equals a Sigma value, but a
// present object is not a missing field for `field: null`).
export function valuesAt(record: unknown, path: readonly string[]): unknown[] {
  const out: unknown[] = [];
  collect(record, path, 0, out);
  return out;
}

export function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return null;
}
