'use client';

import { useEffect, useRef, useState } from 'react';
import { CopyButton } from '@/components/settings/CopyButton';
import { Button } from '@/components/ui/Button';

type Load =
  | { state: 'idle' | 'loading' }
  | { state: 'error'; message: string }
  | { state: 'done'; text: string };

/**
 * A button that opens a side drawer with one event's raw CloudTrail record, fetched from `src`
 * when opened. The record is attacker-controlled text: it is pretty-printed and rendered as the
 * text content of a <pre>, never as markup.
 */
export function RawJsonView({
  src,
  title,
  label = 'Raw JSON',
}: {
  src: string;
  title: string;
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  const closeRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  useEffect(() => {
    if (!open || load.state !== 'idle') return;
    setLoad({ state: 'loading' });
    fetch(src, { headers: { Accept: 'application/json' } })
      .then(async (response) => {
        const body = (await response.json().catch(() => null)) as unknown;
        if (!response.ok) {
          const message = (body as { message?: unknown } | null)?.message;
          throw new Error(typeof message === 'string' ? message : `The server answered ${response.status}.`);
        }
        setLoad({ state: 'done', text: JSON.stringify(body, null, 2) });
      })
      .catch((error: unknown) =>
        setLoad({
          state: 'error',
          message: error instanceof Error ? error.message : 'Could not load the record.',
        }),
      );
  }, [open, load.state, src]);

  const close = () => {
    setOpen(false);
    openerRef.current?.focus();
  };

  return (
    <>
      <Button ref={openerRef} size="sm" variant="ghost" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {label}
      </Button>
      {open ? (
        <div className="fixed inset-0 z-50 flex justify-end">
          <button
            type="button"
            aria-label="Close raw record"
            tabIndex={-1}
            className="absolute inset-0 cursor-default bg-black/30 dark:bg-black/50"
            onClick={close}
          />
          <div
            role="dialog"
            aria-modal="true"
            aria-label={title}
            className="relative flex h-full w-full max-w-2xl flex-col border-l border-line bg-surface shadow-xl"
          >
            <header className="flex items-center justify-between gap-3 border-b border-line px-5 py-3.5">
              <h2 className="min-w-0 truncate text-[15px] font-semibold text-fg">{title}</h2>
              <div className="flex shrink-0 items-center gap-2">
                {load.state === 'done' ? <CopyButton value={load.text} label="Copy JSON" /> : null}
                <Button ref={closeRef} size="sm" onClick={close}>
                  Close
                </Button>
              </div>
            </header>
            <div className="min-h-0 flex-1 overflow-auto bg-surface-muted">
              {load.state === 'done' ? (
                <pre
                  data-testid="raw-json"
                  className="px-5 py-4 font-mono text-[12.5px] leading-5 whitespace-pre-wrap text-fg [overflow-wrap:anywhere]"
                >
                  {load.text}
                </pre>
              ) : load.state === 'error' ? (
                <p role="alert" className="px-5 py-6 text-sm text-danger">
                  {load.message}
                </p>
              ) : (
                <div
                  role="status"
                  aria-busy="true"
                  aria-label="Loading the raw record"
                  className="space-y-2 px-5 py-5"
                >
                  {[80, 60, 72, 45, 66, 52].map((width) => (
                    <div
                      key={width}
                      className="h-3.5 animate-pulse rounded bg-surface-hover"
                      style={{ width: `${width}%` }}
                    />
                  ))}
                </div>
              )}
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}
