'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId } from 'react';
import { buttonClasses } from '@/components/ui/Button';
import { selectClasses } from '@/components/ui/Field';

/** Filters of the timeline; submitting writes them to the URL (page back to 1). */
export function TimelineFilters({
  currentHref,
  services,
  events,
  values,
}: {
  currentHref: string;
  services: string[];
  events: string[];
  values: { service?: string; event?: string; errors?: string; ip?: string };
}) {
  const router = useRouter();
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const url = new URL(currentHref, 'http://local');
    for (const name of ['tservice', 'tevent', 'terrors', 'tip']) {
      const value = String(data.get(name) ?? '').trim();
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    url.searchParams.delete('tpage');
    router.push(`${url.pathname}${url.search}`, { scroll: false });
  }

  const label = 'mb-1 block text-xs font-medium text-muted';
  return (
    <form onSubmit={submit} aria-label="Timeline filters" className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={`${id}-service`} className={label}>
          Service
        </label>
        <select
          id={`${id}-service`}
          name="tservice"
          defaultValue={values.service ?? ''}
          className={`${selectClasses} w-40`}
        >
          <option value="">Any</option>
          {services.map((service) => (
            <option key={service} value={service}>
              {service}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-event`} className={label}>
          Event name
        </label>
        <input
          id={`${id}-event`}
          name="tevent"
          list={`${id}-events`}
          defaultValue={values.event ?? ''}
          placeholder="e.g. GetObject"
          className={`${selectClasses} w-48 pr-2`}
        />
        <datalist id={`${id}-events`}>
          {events.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
      <div>
        <label htmlFor={`${id}-errors`} className={label}>
          Errors
        </label>
        <select
          id={`${id}-errors`}
          name="terrors"
          defaultValue={values.errors ?? ''}
          className={`${selectClasses} w-40`}
        >
          <option value="">All calls</option>
          <option value="any">Errors only</option>
          <option value="denied">AccessDenied only</option>
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-ip`} className={label}>
          Source IP
        </label>
        <input
          id={`${id}-ip`}
          name="tip"
          defaultValue={values.ip ?? ''}
          placeholder="203.0.113.24"
          className={`${selectClasses} w-40 pr-2`}
        />
      </div>
      <button type="submit" className={buttonClasses('secondary', 'sm')}>
        Filter
      </button>
    </form>
  );
}
