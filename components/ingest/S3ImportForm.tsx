'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { SelectField, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { startS3IngestAction } from '@/lib/actions/start-s3-ingest';

/**
 * An S3 (or S3-compatible) import. On success the action redirects to /ingest?job=<id>, where the
 * progress panel takes over; on failure the fields come back with their values and messages.
 */
export function S3ImportForm({
  defaultEndpoint,
  endpoints,
}: {
  defaultEndpoint?: string;
  endpoints: string[];
}) {
  const [state, formAction] = useActionState(startS3IngestAction, null);
  const failed = state && !state.ok ? state : null;
  const value = (field: string) => failed?.values?.[field] ?? '';
  const error = (field: string) => failed?.fieldErrors?.[field];

  return (
    // key: React resets a form after its action; remounting with the returned values restores them.
    <form action={formAction} key={JSON.stringify(failed?.values ?? {})} className="space-y-4" noValidate>
      <TextField
        name="uri"
        label="S3 location"
        placeholder="s3://org-trail-bucket/AWSLogs/"
        required
        autoComplete="off"
        spellCheck={false}
        defaultValue={value('uri')}
        error={error('uri')}
        hint="A bucket, or a prefix inside it: the trail's AWSLogs/ folder or any part of it."
        className="font-mono text-[13px]"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="accounts"
          label="Accounts"
          placeholder="All"
          autoComplete="off"
          spellCheck={false}
          defaultValue={value('accounts')}
          error={error('accounts')}
          hint="12-digit ids, comma-separated"
        />
        <TextField
          name="regions"
          label="Regions"
          placeholder="All"
          autoComplete="off"
          spellCheck={false}
          defaultValue={value('regions')}
          error={error('regions')}
          hint="e.g. us-east-1, eu-west-1"
        />
        <TextField
          name="from"
          type="date"
          label="From (UTC)"
          defaultValue={value('from')}
          error={error('from')}
        />
        <TextField name="to" type="date" label="To (UTC)" defaultValue={value('to')} error={error('to')} />
      </div>
      {endpoints.length ? (
        <SelectField
          name="endpoint"
          label="Endpoint"
          defaultValue={value('endpoint') || defaultEndpoint || ''}
          error={error('endpoint')}
          hint="S3-compatible stores this server's operator allowed."
          className="font-mono text-[13px]"
        >
          {defaultEndpoint ? null : <option value="">AWS S3</option>}
          {endpoints.map((endpoint) => (
            <option key={endpoint} value={endpoint}>
              {endpoint}
            </option>
          ))}
        </SelectField>
      ) : null}
      <p className="rounded-lg border border-line bg-surface-muted px-3.5 py-2.5 text-[13px] leading-5 text-muted">
        The server reads the bucket with its own AWS credentials (environment variables, the{' '}
        <code className="font-mono">~/.aws</code> profile, or its instance or task role), never yours. They
        need <code className="font-mono">s3:ListBucket</code> and{' '}
        <code className="font-mono">s3:GetObject</code>.
      </p>
      {failed && !failed.fieldErrors ? <Alert tone="error">{failed.message}</Alert> : null}
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Starting…">Start S3 import</SubmitButton>
      </div>
    </form>
  );
}
