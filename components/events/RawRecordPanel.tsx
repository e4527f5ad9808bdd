'use client';

import { CopyButton } from '@/components/settings/CopyButton';
import { Alert } from '@/components/ui/Alert';
import { JsonView } from './JsonView';
import { useRawRecord } from './use-raw-record';

/** One event's record as delivered, fetched on demand; usable inline or inside RawEventDrawer. */
export function RawRecordPanel({ accountId, eventId }: { accountId: string; eventId: string }) {
  const state = useRawRecord(accountId, eventId);
  if (state.status === 'loading') {
    return (
      <div role="status" aria-busy="true" aria-label="Loading the raw record" className="space-y-2">
        {[72, 55, 88, 40, 64, 50].map((width) => (
          <div
            key={width}
            className="h-3.5 animate-pulse rounded bg-surface-hover"
            style={{ width: `${width}%` }}
          />
        ))}
      </div>
    );
  }
  if (state.status === 'error') return <Alert tone="error">{state.message}</Alert>;
  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <CopyButton value={JSON.stringify(state.record, null, 2)} label="Copy JSON" />
      </div>
      <JsonView value={state.record} label="Raw CloudTrail record" className="max-h-[60vh]" />
    </div>
  );
}
