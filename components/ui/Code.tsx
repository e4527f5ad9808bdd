import type { ReactNode } from 'react';

/** A command or identifier inside running text. */
export function Code({ children }: { children: ReactNode }) {
  return (
    <code className="rounded-md border border-line bg-surface-muted px-1.5 py-0.5 font-mono whitespace-nowrap text-[0.85em] text-fg">
      {children}
    </code>
  );
}
