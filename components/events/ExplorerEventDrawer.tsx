'use client';

import { useRouter } from 'next/navigation';
import { type ReactNode, useCallback } from 'react';
import { RawEventDrawer } from './RawEventDrawer';

/** The explorer's drawer: open while `ev` is in the URL; closing navigates to the URL without it. */
export function ExplorerEventDrawer({
  accountId,
  eventId,
  title,
  closeHref,
  children,
}: {
  accountId: string;
  eventId: string;
  title: string;
  closeHref: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const close = useCallback(() => router.push(closeHref, { scroll: false }), [router, closeHref]);
  return (
    <RawEventDrawer accountId={accountId} eventId={eventId} title={title} onClose={close}>
      {children}
    </RawEventDrawer>
  );
}
