'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/Button';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; json: string };

/**
 * A side drawer with one event's raw CloudTrail record. The record is attacker-controlled text, so
 * it is rendered only as the text content of a <pre>, never as markup.
 */
export function RawEventDrawer({
  accountId,
  eventId,
  onClose,
}: {
  accountId: string;
  eventId: string;
  onClose: () => void;
}) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    fetch(`/api/events/${encodeURIComponent(accountId)}/${encodeURIComponent(eventId)}/raw`, {
      signal: controller.signal,
    })
      .then(async (response) => {
        if (!response.ok)
          throw new Error(
            response.status === 404 ? 'This event is no longer stored.' : 'Could not load the record.',
          );
        setLoad({ state: 'done', json: JSON.stringify(await response.json(), null, 2) });
      })
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setLoad({ state: 'error', message: error.message });
      });
    return () => controller.abort();
  }, [accountId, eventId]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="raw-event-title"
      onClose={onClose}
      className="fixed inset-y-0 right-0 left-auto m-0 h-full max-h-none w-[min(720px,100vw)] max-w-none border-l border-line bg-surface p-0 text-fg shadow-xl backdrop:bg-black/30"
    >
      <div className="flex h-full flex-col">
        <header className="flex items-center justify-between gap-4 border-b border-line px-5 py-3">
          <div className="min-w-0">
            <h2 id="raw-event-title" className="text-[15px] font-semibold">
              Raw event
            </h2>
            <p className="truncate font-mono text-xs text-muted">{eventId}</p>
          </div>
          <div className="flex items-center gap-2">
            {load.state === 'done' ? (
              <Button size="sm" onClick={() => navigator.clipboard?.writeText(load.json)}>
                Copy JSON
              </Button>
            ) : null}
            <Button size="sm" variant="ghost" onClick={() => dialog.current?.close()}>
              Close
            </Button>
          </div>
        </header>
        <div className="min-h-0 flex-1 overflow-auto bg-surface-muted px-5 py-4">
          {load.state === 'loading' ? <p className="text-sm text-muted">Loading the record…</p> : null}
          {load.state === 'error' ? (
            <p role="alert" className="text-sm text-danger">
              {load.message}
            </p>
          ) : null}
          {load.state === 'done' ? (
            <pre
              data-testid="raw-event-json"
              className="font-mono text-xs leading-5 whitespace-pre-wrap break-all"
            >
              {load.json}
            </pre>
          ) : null}
        </div>
      </div>
    </dialog>
  );
}
