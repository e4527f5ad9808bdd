// Defensive readers for loosely-typed record fields. CloudTrail, and the exports people hand us,
// are not consistent about types (booleans as "true", numbers where strings belong, objects
// replaced by strings), so every read goes through these instead of trusting a cast. A field of
// the wrong type reads as null rather than rejecting the whole record: one odd optional field
// should not cost the analyst an event.

export type JsonObject = Record<string, unknown>;

// CloudTrail caps userAgent, errorCode and errorMessage at 1 KB, and ARNs/IDs are far shorter.
// Anything longer is hostile or corrupt input; capping keeps Postgres index rows bounded. The
// untruncated value stays in `raw`.
export const MAX_FIELD_LENGTH = 2048;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function obj(value: unknown): JsonObject | null {
  return isObject(value) ? value : null;
}

// Empty strings carry no information in CloudTrail (e.g. accessKeyId: "" on failed sign-ins),
// so they read as null to keep "absent" a single state downstream.
export function str(value: unknown): string | null {
  if (typeof value === 'string') {
    if (value.length === 0) return null;
    return value.length > MAX_FIELD_LENGTH ? value.slice(0, MAX_FIELD_LENGTH) : value;
  }
  // Some exporters turn numeric-looking strings (account ids) into numbers.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function bool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}

// 12-digit AWS account id. Numbers are re-padded: an exporter that typed 012345678901 as a number
// has already dropped the leading zero.
export function accountIdOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0)
    return String(value).padStart(12, '0');
  return str(value);
}

// Keys are indexed in Postgres, where a btree entry must stay under ~2.7 KB. Real keys are a few
// hundred characters (an ARN plus a 64-character session name); only corrupt or hostile records
// exceed this. Truncating alone could merge two of those, so a hash of the whole key is appended.
export const MAX_KEY_LENGTH = 1024;

export function boundedKey(key: string): string {
  if (key.length <= MAX_KEY_LENGTH) return key;
  // FNV-1a (32-bit): dependency-free and plenty for telling apart a handful of oversized keys.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${key.slice(0, MAX_KEY_LENGTH - 9)}#${(hash >>> 0).toString(16).padStart(8, '0')}`;
}
