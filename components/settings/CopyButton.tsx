'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/Button';

/** Copies a value; the clipboard API needs https or localhost, so failure just leaves the text selectable. */
export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      onClick={() => {
        navigator.clipboard
          ?.writeText(value)
          .then(() => setCopied(true))
          .catch(() => setCopied(false));
      }}
    >
      {copied ? 'Copied' : label}
    </Button>
  );
}
