// One Sigma field condition, `name|mod1|mod2: value-or-list`, compiled to a predicate over the raw
// CloudTrail record. Semantics follow the Sigma specification:
// - plain strings compare case-insensitively, with `*` and `?` wildcards (`\*`, `\?`, `\\` escape);
// - a list of values is an OR, unless the `all` modifier makes it an AND;
// - `contains`, `startswith`, `endswith` anchor the (wildcard) string accordingly;
// - `re` is a case-sensitive regular expression (`re|i`, `re|m`, `re|s` set flags);
// - every pattern runs on RE2 (re2js), in time linear in the input: the rule comes from an admin,
//   but the text it is matched against comes from the logs, i.e. from whoever wrote them, and a
//   backtracking engine can be made to take exponential time (ReDoS) by the right input;
// - `cidr` matches an IP address field against a range;
// - `null` means the field is absent (or null).

import ipaddr from 'ipaddr.js';
import { RE2JS } from 're2js';
import type { Fail } from './errors';
import { type Scalar, scalarText, valuesAt } from './field-values';

export type RecordPredicate = (record: Record<string, unknown>) => boolean;
type ValueTest = (text: string) => boolean;

const TEXT_MODIFIERS = new Set(['contains', 'startswith', 'endswith']);
const REGEX_FLAGS = new Map([
  ['i', RE2JS.CASE_INSENSITIVE],
  ['m', RE2JS.MULTILINE],
  ['s', RE2JS.DOTALL],
]);
const KNOWN_UNSUPPORTED = new Set([
  'base64',
  'base64offset',
  'utf16le',
  'utf16be',
  'wide',
  'utf16',
  'windash',
  'expand',
  'exists',
  'fieldref',
  'lt',
  'lte',
  'gt',
  'gte',
  'cased',
]);

interface Modifiers {
  text: 'equals' | 'contains' | 'startswith' | 'endswith';
  all: boolean;
  /** RE2JS flags when the value is a regular expression (`re`), else null. */
  regex: number | null;
  cidr: boolean;
}

function parseModifiers(field: string, names: string[], fail: Fail): Modifiers {
  const mods: Modifiers = { text: 'equals', all: false, regex: null, cidr: false };
  for (const raw of names) {
    const name = raw.toLowerCase();
    if (TEXT_MODIFIERS.has(name)) {
      if (mods.text !== 'equals') fail(`modifier "${raw}"`, field, `cannot be combined with "${mods.text}"`);
      mods.text = name as Modifiers['text'];
    } else if (name === 'all') {
      mods.all = true;
    } else if (name === 're') {
      mods.regex = 0;
    } else if (mods.regex !== null && REGEX_FLAGS.has(name)) {
      mods.regex |= REGEX_FLAGS.get(name) as number;
    } else if (name === 'cidr') {
      mods.cidr = true;
    } else {
      const why = KNOWN_UNSUPPORTED.has(name) ? 'is not supported by Trailhound' : 'is not a Sigma modifier';
      fail(`modifier "${raw}"`, field, `${why} (supported: contains, startswith, endswith, all, re, cidr)`);
    }
  }
  const kinds = [mods.text !== 'equals', mods.regex !== null, mods.cidr].filter(Boolean).length;
  if (kinds > 1) fail('modifiers', field, `"${names.join('|')}" mixes string, re and cidr matching`);
  return mods;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// Sigma wildcard string to a regular expression body (no anchors).
function wildcardBody(value: string): { body: string; hasWildcard: boolean } {
  let body = '';
  let hasWildcard = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i] as string;
    const next = value[i + 1];
    if (char === '\\' && (next === '*' || next === '?' || next === '\\')) {
      body += escapeRegex(next);
      i++;
    } else if (char === '*') {
      body += '.*';
      hasWildcard = true;
    } else if (char === '?') {
      body += '.';
      hasWildcard = true;
    } else {
      body += escapeRegex(char);
    }
  }
  return { body, hasWildcard };
}

function stringTest(value: string, text: Modifiers['text']): ValueTest {
  const { body, hasWildcard } = wildcardBody(value);
  if (!hasWildcard && !value.includes('\\')) {
    const wanted = value.toLowerCase();
    if (text === 'equals') return (candidate) => candidate.toLowerCase() === wanted;
    if (text === 'contains') return (candidate) => candidate.toLowerCase().includes(wanted);
    if (text === 'startswith') return (candidate) => candidate.toLowerCase().startsWith(wanted);
    return (candidate) => candidate.toLowerCase().endsWith(wanted);
  }
  const prefix = text === 'contains' || text === 'endswith' ? '' : '^';
  const suffix = text === 'contains' || text === 'startswith' ? '' : '$';
  const pattern = RE2JS.compile(`${prefix}${body}${suffix}`, RE2JS.CASE_INSENSITIVE | RE2JS.DOTALL);
  return (candidate) => pattern.test(candidate);
}

function regexTest(value: string, flags: number, field: string, fail: Fail): ValueTest {
  let pattern: RE2JS;
  try {
    pattern = RE2JS.compile(value, flags);
  } catch (error) {
    // RE2 has no backreferences or lookaround: the price of matching in linear time.
    return fail(
      'modifier "re"',
      field,
      `invalid or unsupported regular expression /${value}/: ${(error as Error).message} ` +
        '(matching runs on RE2, which has no backreferences or lookaround)',
    );
  }
  return (candidate) => pattern.test(candidate);
}

function cidrTest(value: string, field: string, fail: Fail): ValueTest {
  let range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    range = ipaddr.parseCIDR(value.trim());
  } catch {
    return fail('modifier "cidr"', field, `"${value}" is not a CIDR range`);
  }
  return (candidate) => {
    if (!ipaddr.isValid(candidate)) return false;
    let address = ipaddr.parse(candidate);
    if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
      address = (address as ipaddr.IPv6).toIPv4Address();
    }
    return address.kind() === range[0].kind() && address.match(range);
  };
}

function valueTest(value: Scalar, mods: Modifiers, field: string, fail: Fail): ValueTest {
  if (mods.regex !== null || mods.cidr) {
    if (typeof value !== 'string')
      fail(mods.cidr ? 'modifier "cidr"' : 'modifier "re"', field, 'needs a string value');
    return mods.cidr
      ? cidrTest(value as string, field, fail)
      : regexTest(value as string, mods.regex ?? 0, field, fail);
  }
  if (typeof value === 'string') return stringTest(value, mods.text);
  // Numbers and booleans: CloudTrail writes them either as JSON numbers/booleans or as strings.
  const wanted = String(value).toLowerCase();
  if (mods.text !== 'equals') return stringTest(wanted, mods.text);
  return (candidate) => candidate.toLowerCase() === wanted;
}

function isScalar(value: unknown): value is Scalar {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

export function compileFieldCondition(key: string, value: unknown, fail: Fail): RecordPredicate {
  const [field = '', ...modifierNames] = key.split('|');
  if (field === '') fail('field name', key, 'is empty (keyword searches without a field are not supported)');
  const path = field.split('.');
  if (path.some((part) => part === '')) fail('field name', field, 'has an empty path segment');
  const mods = parseModifiers(field, modifierNames, fail);

  const values = Array.isArray(value) ? value : [value];
  if (values.length === 0) fail('value list', field, 'is empty');
  const wantsNull = values.some((item) => item === null);
  if (wantsNull && (values.length > 1 || modifierNames.length > 0)) {
    fail('null value', field, 'null can only stand alone, without modifiers or other values');
  }
  if (wantsNull) {
    return (record) => valuesAt(record, path).every((found) => found === null || found === undefined);
  }
  const tests = values.map((item) => {
    if (!isScalar(item)) {
      return fail(
        'value',
        field,
        `${JSON.stringify(item).slice(0, 80)} is not a string, number or boolean (nested maps are not Sigma)`,
      );
    }
    return valueTest(item, mods, field, fail);
  });

  const anyValueMatches = (test: ValueTest, found: unknown[]): boolean =>
    found.some((candidate) => {
      const text = scalarText(candidate);
      return text !== null && test(text);
    });
  if (mods.all)
    return (record) => {
      const found = valuesAt(record, path);
      return tests.every((test) => anyValueMatches(test, found));
    };
  return (record) => {
    const found = valuesAt(record, path);
    return tests.some((test) => anyValueMatches(test, found));
  };
}
