// The API calls benign actors make, keyed `service:EventName`, with request and
// response shapes modelled on real records (EC2 XML-style `items` sets, IAM
// URL-encoded policy documents, null requestParameters for parameterless reads).

import type { AccountKind, DemoOrg } from './org';
import type { Prng } from './prng';

export interface OpContext {
  rng: Prng;
  org: DemoOrg;
  accountId: string;
  kind: AccountKind;
  region: string;
  time: number;
}

export interface OpSpec {
  readOnly: boolean;
  params?: (c: OpContext) => unknown;
  response?: (c: OpContext, params: unknown) => unknown;
  resources?: (c: OpContext, params: unknown) => Record<string, unknown>[];
  /** IAM, STS (global endpoint), Organizations and Cost Explorer log to us-east-1 only. */
  global?: boolean;
  apiVersion?: string;
}

export type Catalog = Record<string, OpSpec>;

/** Splits `ec2:DescribeInstances` into service and event name. */
export function splitOp(op: string): [string, string] {
  const i = op.indexOf(':');
  return [op.slice(0, i), op.slice(i + 1)];
}

/** EC2's XML-derived request shape for an empty set. */
export const EMPTY_SET = {};

export function itemSet<T>(items: T[]): { items: T[] } {
  return { items };
}

export function privateIp(rng: Prng, kind: AccountKind): string {
  const second = kind === 'prod' ? 20 : kind === 'dev' ? 30 : kind === 'security' ? 40 : 10;
  return `10.${second}.${rng.range(0, 63)}.${rng.range(4, 250)}`;
}

export function az(region: string, rng: Prng): string {
  return `${region}${rng.pick(['a', 'b', 'c'])}`;
}

/** IAM logs policy documents URL-encoded, exactly as the API received them. */
export function encodePolicy(doc: unknown): string {
  return encodeURIComponent(JSON.stringify(doc, null, 4)).replace(/%20/g, '+');
}

/** A read-only call whose request shape comes from `params`. */
export function readCall(params: (c: OpContext) => unknown): OpSpec {
  return { readOnly: true, params };
}
