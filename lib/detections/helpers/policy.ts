// IAM / resource policy documents as CloudTrail logs them: a JSON string (IAM request parameters),
// the same string URL-encoded (IAM response elements, some request parameters), or an already
// parsed object (S3 bucketPolicy). Statement, Action, Resource and Principal may each be one value
// or a list.

import { isObject, type JsonObject, obj, str } from '@/lib/cloudtrail/fields';
import { listOf } from './record';

export interface PolicyStatement {
  effect: 'Allow' | 'Deny' | null;
  actions: string[];
  resources: string[];
  // Principal "*" or {"AWS": "*"}.
  anyPrincipal: boolean;
  awsPrincipals: string[];
  servicePrincipals: string[];
  condition: JsonObject | null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function documentOf(value: unknown): JsonObject | null {
  if (isObject(value)) return value;
  const text = str(value);
  if (!text) return null;
  const direct = parseJson(text);
  if (isObject(direct)) return direct;
  try {
    return obj(parseJson(decodeURIComponent(text.replace(/\+/g, '%20'))));
  } catch {
    return null;
  }
}

const stringList = (value: unknown): string[] =>
  listOf(value)
    .map((item) => str(item))
    .filter((item): item is string => item !== null);

function statementOf(raw: unknown): PolicyStatement | null {
  const statement = obj(raw);
  if (!statement) return null;
  const effect = str(statement.Effect);
  const principal = statement.Principal;
  const principals = obj(principal);
  const aws = stringList(principals?.AWS);
  return {
    effect: effect === 'Allow' || effect === 'Deny' ? effect : null,
    actions: stringList(statement.Action),
    resources: stringList(statement.Resource),
    anyPrincipal: str(principal) === '*' || aws.includes('*'),
    awsPrincipals: aws.filter((entry) => entry !== '*'),
    servicePrincipals: stringList(principals?.Service),
    condition: obj(statement.Condition),
  };
}

export function parsePolicy(value: unknown): PolicyStatement[] | null {
  const document = documentOf(value);
  if (!document) return null;
  return listOf(document.Statement)
    .map(statementOf)
    .filter((statement): statement is PolicyStatement => statement !== null);
}

const ACCOUNT_IN_PRINCIPAL_RE = /^(?:arn:[\w-]+:(?:iam|sts)::)?(\d{12})(?::|$)/;

// "arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:role/x" or bare "123456789012".
export function accountOfPrincipal(principal: string): string | null {
  return ACCOUNT_IN_PRINCIPAL_RE.exec(principal)?.[1] ?? null;
}

// An org or account condition (aws:PrincipalOrgID, aws:SourceAccount...) scopes a "*" principal.
export function hasScopingCondition(statement: PolicyStatement): boolean {
  const text = JSON.stringify(statement.condition ?? {}).toLowerCase();
  return /aws:(principalorgid|principalorgpaths|principalaccount|sourceaccount|sourceowner|sourcearn|sourcevpce?|sourceip|userid|principalarn)/.test(
    text,
  );
}

export function allowsEverything(statement: PolicyStatement, actionPatterns: readonly string[]): boolean {
  return (
    statement.effect === 'Allow' &&
    statement.actions.some((action) => actionPatterns.includes(action.toLowerCase())) &&
    statement.resources.includes('*')
  );
}
