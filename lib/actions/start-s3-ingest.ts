'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { requireActionSession } from '@/lib/auth/guards';
import { WRITE_ROLES } from '@/lib/auth/roles';
import { UserFacingError } from '@/lib/db/errors';
import { getPool } from '@/lib/db/pg-pool';
import { createIngestJob } from '@/lib/ingest/run-job';
import { matchAllowedS3Endpoint } from '@/lib/ingest/sources/s3-endpoints';
import { createS3Source } from '@/lib/ingest/sources/s3-source';
import type { SourceFilters } from '@/lib/ingest/sources/types';
import { enqueueIngestJob } from '@/lib/ingest-runner/ingest-runner';
import { type ActionResult, invalidInput } from './result';

const splitList = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);

const listOf = (pattern: RegExp, message: string) =>
  z
    .string()
    .optional()
    .transform((value) => splitList(value ?? ''))
    .refine((items) => items.every((item) => pattern.test(item)), message);

const day = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)
  .refine((value) => value === undefined || isDay(value), 'Use a date like 2026-01-31.');

/** The round trip refuses days a month lacks: Date.parse reads 2026-02-30 as 2 March. */
function isDay(value: string): boolean {
  const day = new Date(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value)
  );
}

const schema = z
  .object({
    uri: z
      .string()
      .trim()
      .regex(/^s3:\/\/[^/\s]+(\/\S*)?$/, 'Enter an S3 URI like s3://my-trail-bucket/AWSLogs/.'),
    // Only endpoints the operator allowed (see s3-endpoints.ts): the server fetches from them.
    endpoint: z
      .string()
      .optional()
      .transform((value) => value?.trim() || undefined)
      .refine(
        (value) => value === undefined || matchAllowedS3Endpoint(value) !== null,
        'This server only reads from AWS S3 and the endpoints its operator allowed (TRAILHOUND_S3_ENDPOINTS).',
      ),
    accounts: listOf(/^\d{12}$/, 'Account ids are 12 digits, separated by commas.'),
    regions: listOf(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'Use region names like us-east-1, separated by commas.'),
    from: day,
    to: day,
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    path: ['to'],
    message: 'The last day must not be before the first.',
    // Checked even when other fields are wrong, so every mistake shows on the first submit.
    when: ({ issues }) => !issues.some((issue) => issue.path?.[0] === 'from' || issue.path?.[0] === 'to'),
  });

const FORM_FIELDS = ['uri', 'endpoint', 'accounts', 'regions', 'from', 'to'] as const;

/**
 * Analysts and admins. Creates the job, hands it to the in-process runner and opens the Ingest
 * page on it. Reading the bucket uses the server's own AWS credential chain, never the user's.
 */
export async function startS3IngestAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireActionSession(WRITE_ROLES);
  if (!auth.ok) return auth;
  const values = Object.fromEntries(FORM_FIELDS.map((field) => [field, String(formData.get(field) ?? '')]));
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ...invalidInput(parsed.error), values };

  const { uri, endpoint, accounts, regions, from, to } = parsed.data;
  const filters: SourceFilters = {
    ...(accounts.length ? { accounts } : {}),
    ...(regions.length ? { regions } : {}),
    ...(from ? { from: new Date(`${from}T00:00:00Z`) } : {}),
    ...(to ? { to: new Date(`${to}T00:00:00Z`) } : {}),
  };
  let jobId: string;
  try {
    const source = createS3Source(uri, { endpoint });
    jobId = await createIngestJob(getPool(), source, { filters, createdBy: auth.session.userId });
    enqueueIngestJob({ jobId, source, filters });
    await recordAudit({
      actor: { id: auth.session.userId, email: auth.session.email },
      action: 'ingest.start',
      targetType: 'ingest_job',
      targetId: jobId,
      detail: { source: 's3', uri },
    });
  } catch (error) {
    // Bucket names and endpoints the patterns above let through can still be refused here.
    if (!(error instanceof UserFacingError)) throw error;
    return { ok: false, error: 'invalid', message: error.message, values };
  }
  revalidatePath('/ingest');
  redirect(`/ingest?job=${jobId}`);
}
