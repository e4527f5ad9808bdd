// One Sigma rule (a parsed YAML document) compiled to a single-event rule of the detection engine.
// Everything is checked up front: a rule that compiles can only match or not match an event, never
// throw during a detection run. What cannot be compiled faithfully (aggregations, timeframes,
// unknown modifiers, other log sources) is refused with a SigmaCompileError instead of being
// approximated, so an imported rule never silently means less than its author wrote.

import { createHash } from 'node:crypto';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { HOUR_MS } from '../define-rule';
import { runSingle } from '../engine/run-single';
import type { BoundRule, RuleMetadata, SigmaRuleId, SingleSpec } from '../types';
import { compileCondition, parseCondition } from './condition';
import { type Fail, failFor, type SigmaRuleRef } from './errors';
import { compileFieldCondition, type RecordPredicate } from './field-matcher';
import { attackOf, severityOf } from './metadata';

export interface CompiledSigmaRule {
  id: SigmaRuleId;
  sigmaId: string | null;
  title: string;
  meta: RuleMetadata<SigmaRuleId>;
  matches: RecordPredicate;
  bound: BoundRule;
}

type Json = Record<string, unknown>;
const isMap = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const SIGMA_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function textList(value: unknown, field: string, fail: Fail): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    if (typeof item !== 'string' && typeof item !== 'number') fail(field, field, 'must be a list of strings');
    return String(item);
  });
}

// Canonical JSON (sorted keys) so the hash does not depend on key order or YAML formatting.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isMap(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function stableRuleHash(doc: Json): string {
  return createHash('sha256')
    .update(canonical({ title: doc.title, logsource: doc.logsource, detection: doc.detection }))
    .digest('hex')
    .slice(0, 16);
}

/**
 * The id a document is stored under, also when it does not compile (so its error can be listed):
 * its Sigma id when it has a usable one, else a hash of what it says; null for a non-map.
 */
export function ruleIdOf(doc: unknown): SigmaRuleId | null {
  if (!isMap(doc)) return null;
  if (typeof doc.id === 'string' && SIGMA_ID.test(doc.id)) return `sigma:${doc.id}`;
  if (doc.id !== undefined) return null;
  return `sigma:${stableRuleHash(doc)}`;
}

function checkLogsource(logsource: unknown, fail: Fail): void {
  if (!isMap(logsource))
    fail('logsource', 'logsource', 'is missing; Trailhound imports product: aws, service: cloudtrail');
  const product = text(logsource.product)?.toLowerCase();
  const service = text(logsource.service)?.toLowerCase();
  if (product !== 'aws' || service !== 'cloudtrail') {
    fail(
      'logsource',
      'logsource',
      `product: ${product ?? '(none)'}, service: ${service ?? '(none)'} is not CloudTrail; Trailhound imports product: aws, service: cloudtrail`,
    );
  }
}

// A detection identifier: a map (AND of its fields) or a list of maps (OR of the maps).
function compileSearch(name: string, value: unknown, fail: Fail): RecordPredicate {
  const compileMap = (map: Json): RecordPredicate => {
    const entries = Object.entries(map);
    if (entries.length === 0) fail(`search identifier "${name}"`, null, 'is an empty map');
    const fields = entries.map(([key, item]) => compileFieldCondition(key, item, fail));
    return (record) => fields.every((field) => field(record));
  };
  if (isMap(value)) return compileMap(value);
  if (Array.isArray(value) && value.length > 0 && value.every(isMap)) {
    const alternatives = value.map(compileMap);
    return (record) => alternatives.some((alternative) => alternative(record));
  }
  if (Array.isArray(value) && value.length > 0 && !value.some(isMap)) {
    return fail(
      `keyword search in "${name}"`,
      null,
      'a list of values without field names is a full-text search, which CloudTrail records do not support; name the field',
    );
  }
  return fail(`search identifier "${name}"`, null, 'must be a map of fields or a list of such maps');
}

function compileDetection(detection: unknown, fail: Fail): RecordPredicate {
  if (!isMap(detection)) return fail('detection', 'detection', 'is missing or not a map');
  if ('timeframe' in detection) {
    fail(
      'timeframe',
      'detection.timeframe',
      'time-window aggregations are not supported; use a catalogue threshold rule',
    );
  }
  const searches = new Map<string, RecordPredicate>();
  for (const [name, value] of Object.entries(detection)) {
    if (name === 'condition') continue;
    searches.set(name, compileSearch(name, value, fail));
  }
  const condition = detection.condition;
  const conditions = Array.isArray(condition) ? condition : [condition];
  if (conditions.length === 0 || conditions.some((item) => typeof item !== 'string' || item.trim() === '')) {
    fail('condition', 'detection.condition', 'is missing (or not a string)');
  }
  const identifiers = [...searches.keys()];
  // A list of conditions (Sigma 1 style) means any of them.
  const compiled = (conditions as string[]).map((item) =>
    compileCondition(parseCondition(item, identifiers, fail), searches),
  );
  return compiled.length === 1
    ? (compiled[0] as RecordPredicate)
    : (record) => compiled.some((predicate) => predicate(record));
}

function slugOf(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `sigma-${slug || 'rule'}`;
}

/** Compiles one parsed Sigma document. Throws SigmaCompileError naming the rule, field and construct. */
export function compileSigmaDocument(doc: unknown, ref: SigmaRuleRef): CompiledSigmaRule {
  const where: SigmaRuleRef = { ...ref };
  const fail = failFor(where);
  if (!isMap(doc)) return fail('document', null, 'is not a YAML map of Sigma fields');
  where.title = text(doc.title);
  where.sigmaId = typeof doc.id === 'string' ? doc.id : null;
  if ('correlation' in doc) fail('correlation rule', 'correlation', 'Sigma correlations are not supported');
  if ('action' in doc)
    fail(
      'rule collection',
      'action',
      `"action: ${String(doc.action)}" collections are not supported; import each rule on its own`,
    );
  if (!where.title) fail('title', 'title', 'is missing');
  if (doc.id !== undefined && (typeof doc.id !== 'string' || !SIGMA_ID.test(doc.id))) {
    fail('id', 'id', 'must be a UUID or similar (letters, digits, ".", "_", "-")');
  }
  checkLogsource(doc.logsource, fail);
  const matches = compileDetection(doc.detection, fail);
  const severity = severityOf(doc.level, fail);
  const { tactic, technique } = attackOf(textList(doc.tags, 'tags', fail));

  const sigmaId = where.sigmaId;
  const id = ruleIdOf(doc) as SigmaRuleId;
  const title = where.title as string;
  const author = text(doc.author);
  const meta: RuleMetadata<SigmaRuleId> = {
    id,
    slug: slugOf(title),
    title,
    severity,
    tactic,
    technique,
    description: text(doc.description) ?? title,
    triage: [
      'Open the evidence event and read its raw record: the Sigma rule matched fields of it.',
      'Check whether the principal and source address are expected to make this call.',
    ],
    falsePositives: textList(doc.falsepositives, 'falsepositives', fail),
    references: [
      ...textList(doc.references, 'references', fail),
      `Imported Sigma rule from ${ref.file}${author ? ` by ${author}` : ''}`,
    ],
  };
  const spec: SingleSpec<null> = {
    kind: 'single',
    match: (event: NormalizedEvent) => matches(event.raw),
    summarize: (event: NormalizedEvent) =>
      `${title}: ${event.eventName ?? '?'} by ${event.principalName} from ${event.sourceIpRaw ?? '?'}`,
  };
  const bound: BoundRule = {
    meta,
    kind: 'single',
    dedupWindowMs: HOUR_MS,
    lookbackMs: 0,
    run: (sorted, env) => runSingle(meta, spec, null, sorted, env),
  };
  return { id, sigmaId, title, meta, matches, bound };
}
