'use client';

import { useEffect, useState } from 'react';
import { CopyButton } from '@/components/settings/CopyButton';
import { Button } from '@/components/ui/Button';

/** Print and copy-link buttons: the URL is the whole view, so the link is the share. */
export function ShareActions() {
  const [href, setHref] = useState('');
  useEffect(() => setHref(window.location.href), []);
  return (
    <div className="flex items-center gap-2 print:hidden">
      {href ? <CopyButton value={href} label="Copy link" /> : null}
      <Button size="sm" onClick={() => window.print()}>
        Print
      </Button>
    </div>
  );
}
