import type { ReactNode } from 'react';

/** One label/value line of a <dl> in a card (finding details, rule definition). */
export function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7.5rem_minmax(0,1fr)] gap-3 px-5 py-2.5">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-sm [overflow-wrap:anywhere] text-fg">{children}</dd>
    </div>
  );
}
