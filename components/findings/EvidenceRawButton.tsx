'use client';

import { useCallback, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { RawEventDrawer } from '@/components/events/RawEventDrawer';
import { Button } from '@/components/ui/Button';

/** Opens one evidence event's raw record in the explorer's drawer; focus returns here on close. */
export function EvidenceRawButton({
  accountId,
  eventId,
  eventName,
}: {
  accountId: string;
  eventId: string;
  eventName: string | null;
}) {
  const [open, setOpen] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    openerRef.current?.focus();
  }, []);
  return (
    <>
      <Button
        ref={openerRef}
        size="sm"
        variant="ghost"
        aria-haspopup="dialog"
        aria-label={`Raw JSON of ${eventName ?? 'event'} ${eventId}`}
        onClick={() => setOpen(true)}
      >
        Raw JSON
      </Button>
      {/* Into <body>, so the table cell's alignment and overflow do not reach the drawer. */}
      {open
        ? createPortal(
            <RawEventDrawer
              accountId={accountId}
              eventId={eventId}
              title={`Raw record: ${eventName ?? 'event'}`}
              onClose={close}
            />,
            document.body,
          )
        : null}
    </>
  );
}
