// Readers over the raw CloudTrail record behind a NormalizedEvent. Payload shapes vary per API and
// per eventVersion (EC2 `items` wrappers, scalars where objects are expected, "true" for true), so
// everything goes through the defensive readers of lib/cloudtrail/fields.

import { bool, type JsonObject, obj, str } from '@/lib/cloudtrail/fields';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';

export const requestOf = (event: NormalizedEvent): JsonObject | null => obj(event.raw.requestParameters);
export const responseOf = (event: NormalizedEvent): JsonObject | null => obj(event.raw.responseElements);
export const extraOf = (event: NormalizedEvent): JsonObject | null => obj(event.raw.additionalEventData);
export const identityOf = (event: NormalizedEvent): JsonObject | null => obj(event.raw.userIdentity);

// Walks nested objects; any non-object on the way yields undefined.
export function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    const next = obj(current);
    if (!next) return undefined;
    current = next[key];
  }
  return current;
}

export const textAt = (value: unknown, ...path: string[]): string | null => str(at(value, ...path));
export const boolAt = (value: unknown, ...path: string[]): boolean | null => bool(at(value, ...path));

export function numberAt(value: unknown, ...path: string[]): number | null {
  const found = at(value, ...path);
  if (typeof found === 'number' && Number.isFinite(found)) return found;
  if (typeof found === 'string' && found.trim() !== '' && Number.isFinite(Number(found)))
    return Number(found);
  return null;
}

// EC2 wraps lists as {items: [...]}; other services use arrays, and a one-element list is sometimes
// written as the bare element.
export function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const wrapped = obj(value);
  if (wrapped && Array.isArray(wrapped.items)) return wrapped.items;
  if (value === null || value === undefined) return [];
  return wrapped && 'items' in wrapped ? [] : [value];
}

export function stringsOf(value: unknown): string[] {
  return listOf(value)
    .map((item) => str(item))
    .filter((item): item is string => item !== null);
}

// Success means no errorCode and no errorMessage (CloudTrail never writes errorCode "Success").
export function succeeded(event: NormalizedEvent): boolean {
  return !event.isError && event.errorMessage === null;
}

export function isCall(event: NormalizedEvent, service: string, names: ReadonlySet<string>): boolean {
  return (
    event.eventSource === `${service}.amazonaws.com` && event.eventName !== null && names.has(event.eventName)
  );
}

const IAC_FAMILIES = new Set(['terraform', 'pulumi', 'cloudformation', 'cdk']);

export function isInfrastructureAsCode(event: NormalizedEvent): boolean {
  return IAC_FAMILIES.has(event.userAgentFamily);
}

export function isServicePrincipal(event: NormalizedEvent): boolean {
  return event.principalType === 'AWSService' || event.invokedBy !== null;
}

// What the caller touched, for summaries: the first of the usual name fields.
export function targetName(event: NormalizedEvent, ...fields: string[]): string {
  const request = requestOf(event);
  for (const field of fields) {
    const value = str(request?.[field]);
    if (value) return value;
  }
  return '?';
}

export const who = (event: NormalizedEvent): string => event.principalName;
