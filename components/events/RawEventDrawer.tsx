'use client';

import { type ReactNode, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/Button';
import { RawRecordPanel } from './RawRecordPanel';

/**
 * A side panel with one event's raw CloudTrail record, and whatever the caller puts below it
 * (the explorer puts the principal's activity around the event). Escape or Close dismisses it.
 */
export function RawEventDrawer({
  accountId,
  eventId,
  title,
  onClose,
  children,
}: {
  accountId: string;
  eventId: string;
  title: ReactNode;
  onClose: () => void;
  children?: ReactNode;
}) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="fixed inset-0 z-40 flex justify-end">
      <button
        type="button"
        aria-label="Close the event panel"
        tabIndex={-1}
        className="absolute inset-0 cursor-default bg-black/25 dark:bg-black/50"
        onClick={onClose}
      />
      <aside
        role="dialog"
        aria-modal="true"
        aria-labelledby="raw-event-title"
        className="relative flex h-full w-full max-w-2xl flex-col border-l border-line bg-surface shadow-xl"
      >
        <header className="flex items-start justify-between gap-4 border-b border-line px-5 py-4">
          <div className="min-w-0">
            <h2 id="raw-event-title" className="truncate text-[15px] font-semibold text-fg">
              {title}
            </h2>
            <p className="mt-0.5 truncate font-mono text-xs text-muted" title={eventId}>
              {accountId} · {eventId}
            </p>
          </div>
          <Button ref={closeRef} size="sm" variant="ghost" onClick={onClose}>
            Close
          </Button>
        </header>
        <div className="flex-1 space-y-6 overflow-y-auto px-5 py-5">
          <section aria-label="Raw record">
            <RawRecordPanel accountId={accountId} eventId={eventId} />
          </section>
          {children}
        </div>
      </aside>
    </div>
  );
}
