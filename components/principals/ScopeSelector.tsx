'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId } from 'react';
import { buttonClasses } from '@/components/ui/Button';
import { selectClasses } from '@/components/ui/Field';
import { fromUtcInputValue, toUtcInputValue } from '@/lib/format';
import { hrefWith } from '@/lib/principals/href-with';

const HOUR = 3_600_000;
const PRESETS = [
  { label: '1 hour', ms: HOUR },
  { label: '24 hours', ms: 24 * HOUR },
  { label: '7 days', ms: 7 * 24 * HOUR },
  { label: '30 days', ms: 30 * 24 * HOUR },
];

/** A new scope starts the timeline over. */
function scopeHref(base: string, changes: Record<string, string | undefined>): string {
  return hrefWith(base, { ...changes, tpage: undefined, around: undefined });
}

/**
 * The scope-time selector: presets ending at the current scope's end, zoom out, and exact
 * from/to and baseline inputs. Everything it does is a URL change.
 */
export function ScopeSelector({
  currentHref,
  scope,
  baseline,
  baselineIsDefault,
}: {
  currentHref: string;
  scope: { from: string; to: string };
  baseline: { from: string; to: string };
  baselineIsDefault: boolean;
}) {
  const router = useRouter();
  const id = useId();
  const to = new Date(scope.to).getTime();
  const span = to - new Date(scope.from).getTime();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => fromUtcInputValue(String(data.get(name) ?? ''));
    const bfrom = value('bfrom');
    const bto = value('bto');
    const keepBaseline = bfrom !== baseline.from || bto !== baseline.to || !baselineIsDefault;
    router.push(
      scopeHref(currentHref, {
        from: value('from'),
        to: value('to'),
        bfrom: keepBaseline ? bfrom : undefined,
        bto: keepBaseline ? bto : undefined,
      }),
    );
  }

  const zoomOut = scopeHref(currentHref, {
    from: new Date(to - span * 2).toISOString(),
    to: new Date(to).toISOString(),
  });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted">Scope:</span>
        {PRESETS.map((preset) => (
          <Link
            key={preset.label}
            href={scopeHref(currentHref, {
              from: new Date(to - preset.ms).toISOString(),
              to: new Date(to).toISOString(),
            })}
            aria-current={span === preset.ms ? 'true' : undefined}
            className={buttonClasses(span === preset.ms ? 'primary' : 'secondary', 'sm')}
          >
            {preset.label}
          </Link>
        ))}
        <Link href={zoomOut} className={buttonClasses('ghost', 'sm')}>
          Zoom out
        </Link>
      </div>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Scope and baseline">
        {(
          [
            ['from', 'Scope from', scope.from],
            ['to', 'Scope to', scope.to],
            ['bfrom', 'Baseline from', baseline.from],
            ['bto', 'Baseline to', baseline.to],
          ] as const
        ).map(([name, label, value]) => (
          <label key={name} htmlFor={`${id}-${name}`} className="text-xs font-medium text-muted">
            <span className="mb-1 block">{label} (UTC)</span>
            <input
              id={`${id}-${name}`}
              type="datetime-local"
              name={name}
              defaultValue={toUtcInputValue(value)}
              className={`${selectClasses} w-56 pr-2`}
              required
            />
          </label>
        ))}
        <button type="submit" className={buttonClasses('secondary', 'sm')}>
          Apply
        </button>
      </form>
    </div>
  );
}
