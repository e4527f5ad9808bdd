'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { selectClasses } from '@/components/ui/Field';

const DEBOUNCE_MS = 300;

/** The principals list's search box and filters; every change replaces the URL (page back to 1). */
export function PrincipalSearch({ accounts, types }: { accounts: string[]; types: string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  function navigate(changes: Record<string, string>) {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete('page');
    const text = next.toString();
    router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
  }

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const label = 'mb-1 block text-xs font-medium text-muted';
  return (
    <search className="flex flex-wrap items-end gap-3">
      <div className="min-w-64 flex-1">
        <label htmlFor="principal-search" className={label}>
          Search
        </label>
        <input
          id="principal-search"
          type="search"
          value={q}
          placeholder="Name, ARN or access key id"
          onChange={(event) => {
            const value = event.target.value;
            setQ(value);
            if (timer.current) clearTimeout(timer.current);
            timer.current = setTimeout(() => navigate({ q: value.trim() }), DEBOUNCE_MS);
          }}
          className={`${selectClasses} h-9 w-full pr-2`}
        />
      </div>
      <div>
        <label htmlFor="principal-account" className={label}>
          Account
        </label>
        <select
          id="principal-account"
          value={params.get('account') ?? ''}
          onChange={(event) => navigate({ account: event.target.value })}
          className={`${selectClasses} h-9 w-44`}
        >
          <option value="">All accounts</option>
          {accounts.map((account) => (
            <option key={account} value={account}>
              {account}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="principal-type" className={label}>
          Type
        </label>
        <select
          id="principal-type"
          value={params.get('type') ?? ''}
          onChange={(event) => navigate({ type: event.target.value })}
          className={`${selectClasses} h-9 w-44`}
        >
          <option value="">All types</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </div>
    </search>
  );
}
