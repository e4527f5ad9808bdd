'use client';

import { useEffect, useState } from 'react';

export type RawRecordState =
  | { status: 'loading' }
  | { status: 'ready'; record: Record<string, unknown> }
  | { status: 'error'; message: string };

/** Fetches one event's raw record from /api/events/raw, again whenever the event changes. */
export function useRawRecord(accountId: string, eventId: string): RawRecordState {
  const [state, setState] = useState<RawRecordState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    const query = new URLSearchParams({ account: accountId, id: eventId });
    fetch(`/api/events/raw?${query}`, { cache: 'no-store', signal: controller.signal })
      .then(async (response) => {
        if (response.status === 401) throw new Error('Your session has ended. Sign in again.');
        if (response.status === 404) throw new Error('This event is no longer stored.');
        if (!response.ok) throw new Error(`The record could not be read (status ${response.status}).`);
        const body = (await response.json()) as { record: Record<string, unknown> };
        setState({ status: 'ready', record: body.record });
      })
      .catch((error: Error) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: error.message });
      });
    return () => controller.abort();
  }, [accountId, eventId]);
  return state;
}
