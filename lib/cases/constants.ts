import { z } from 'zod';
import { SEVERITIES } from '@/lib/severity';

// Values shared by the case forms (client components), the server actions and the queries.

export const CASE_STATUSES = ['open', 'contained', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  contained: 'Contained',
  closed: 'Closed',
};

export const ITEM_KINDS = ['event', 'finding', 'principal', 'view'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** How long a new share link lives, in hours; the form offers these. */
export const SHARE_EXPIRY_HOURS = [1, 24, 24 * 7, 24 * 30] as const;
export const SHARE_EXPIRY_LABELS: Record<(typeof SHARE_EXPIRY_HOURS)[number], string> = {
  1: '1 hour',
  24: '1 day',
  168: '7 days',
  720: '30 days',
};

export const MAX_TAGS = 12;
const TAG = /^[\p{L}\p{N}][\p{L}\p{N}._:/-]{0,39}$/u;

/**
 * "ir-42, aws  exfil" -> ['ir-42', 'aws', 'exfil']: lower-cased, de-duplicated, at most MAX_TAGS.
 * Tags are short words so they can be filters and never need escaping beyond text rendering.
 */
export const tagsSchema = z
  .string()
  .max(600)
  .default('')
  .transform((text) => [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((tag) => tag.trim().toLowerCase())
        .filter(Boolean),
    ),
  ])
  .refine((tags) => tags.length <= MAX_TAGS, `At most ${MAX_TAGS} tags.`)
  .refine(
    (tags) => tags.every((tag) => TAG.test(tag)),
    'Tags are letters, digits and . _ : / - (up to 40 characters).',
  );

export const caseStatusSchema = z.enum(CASE_STATUSES, { error: 'Status must be open, contained or closed.' });
export const caseSeveritySchema = z.enum(SEVERITIES, { error: 'Pick a severity.' });
export const caseIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,17}$/, 'Unknown case.')
  .transform((value) => BigInt(value));
