'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { FormEvent, ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { cx } from '@/components/ui/cx';
import { selectClasses } from '@/components/ui/Field';
import { fromUtcInputValue, toUtcInputValue } from '@/lib/format';
import type { ExplorerOptions } from '@/lib/queries/events/get-explorer-options';
import { clearedHref, type ExplorerParams, explorerHref } from './explorer-url';

// The form's text fields, in lib/links.ts EventFilters names. `principal` is set by clicking a
// principal in the table (it is a row id) and shown as a chip, so it has no field here.
const TEXT_FIELDS = [
  { name: 'region', label: 'Region', placeholder: 'eu-west-1' },
  { name: 'service', label: 'Service', placeholder: 's3' },
  { name: 'event', label: 'Event name', placeholder: 'GetObject' },
  { name: 'error', label: 'Error code', placeholder: 'AccessDenied, or * for any' },
  { name: 'ip', label: 'Source IP or CIDR', placeholder: '203.0.113.0/24' },
  { name: 'asn', label: 'ASN', placeholder: '16509' },
  { name: 'country', label: 'Country', placeholder: 'NL' },
] as const;

const READ_WRITE: [string, string][] = [
  ['read', 'Read-only'],
  ['write', 'Write'],
];

const FORM_FIELDS = [
  'from',
  'to',
  'account',
  'ptype',
  'rw',
  'ua',
  'q',
  ...TEXT_FIELDS.map((field) => field.name),
];

const INPUT =
  'block h-8 w-full rounded-lg border border-line-strong bg-surface px-2.5 text-[13px] text-fg shadow-xs placeholder:text-subtle focus:border-accent focus:ring-2 focus:ring-accent/25 focus:outline-none';

function Control({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-muted">
        {label}
      </label>
      {children}
    </div>
  );
}

function Select({
  name,
  label,
  value,
  options,
  anyLabel,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly (string | [value: string, label: string])[];
  anyLabel: string;
}) {
  return (
    <Control id={`filter-${name}`} label={label}>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={value ?? ''}
        className={cx(selectClasses, 'w-full')}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => {
          const [optionValue, optionLabel] = Array.isArray(option) ? option : [option, option];
          return (
            <option key={optionValue} value={optionValue}>
              {optionLabel}
            </option>
          );
        })}
      </select>
    </Control>
  );
}

/** The explorer's filters. Applying them navigates, so each filter is a link and back undoes it. */
export function EventFilterBar({ current, options }: { current: ExplorerParams; options: ExplorerOptions }) {
  const router = useRouter();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const patch: Record<string, string | null> = {};
    for (const name of FORM_FIELDS) {
      const value = String(data.get(name) ?? '').trim();
      patch[name] = (name === 'from' || name === 'to' ? fromUtcInputValue(value) : value) || null;
    }
    router.push(explorerHref(current, { ...patch, ev: null }));
  };
  const clearHref = clearedHref(current);

  return (
    <form
      // A new URL (back/forward, a chip removed) resets the fields to it.
      key={JSON.stringify(current)}
      onSubmit={onSubmit}
      aria-label="Event filters"
      className="space-y-3"
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6">
        {(['from', 'to'] as const).map((name) => (
          <Control key={name} id={`filter-${name}`} label={name === 'from' ? 'From (UTC)' : 'To (UTC)'}>
            <input
              id={`filter-${name}`}
              name={name}
              type="datetime-local"
              defaultValue={toUtcInputValue(current[name])}
              className={INPUT}
            />
          </Control>
        ))}
        {[
          { name: 'account', label: 'Account', options: options.accounts, anyLabel: 'All accounts' },
          { name: 'ptype', label: 'Identity type', options: options.principalTypes, anyLabel: 'All types' },
          { name: 'rw', label: 'Read or write', options: READ_WRITE, anyLabel: 'Both' },
          {
            name: 'ua',
            label: 'User-agent family',
            options: options.userAgentFamilies,
            anyLabel: 'All families',
          },
        ].map((field) => (
          <Select key={field.name} {...field} value={current[field.name]} />
        ))}
        {TEXT_FIELDS.map((field) => (
          <Control key={field.name} id={`filter-${field.name}`} label={field.label}>
            <input
              id={`filter-${field.name}`}
              name={field.name}
              defaultValue={current[field.name] ?? ''}
              placeholder={field.placeholder}
              className={INPUT}
            />
          </Control>
        ))}
        <div className="col-span-2 md:col-span-3 xl:col-span-5">
          <Control id="filter-q" label="Request parameters contain">
            <input
              id="filter-q"
              name="q"
              type="search"
              defaultValue={current.q ?? ''}
              placeholder="a bucket name, a role ARN, a key prefix…"
              className={INPUT}
            />
          </Control>
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-end gap-3">
        <Button type="submit" variant="primary" size="sm">
          Apply filters
        </Button>
        <Link
          href={clearHref}
          className="h-8 px-1 text-[13px] leading-8 text-muted hover:text-fg hover:underline"
        >
          Clear all
        </Link>
      </div>
    </form>
  );
}
