import { buttonClasses } from '@/components/ui/Button';
import { FILTER_PARAMS } from '@/lib/queries/events/event-filters';
import type { ExplorerParams } from './explorer-url';

const EXPORTED: string[] = [...FILTER_PARAMS, 'sort', 'dir'];

/** Downloads of every event of the current filter (not just this page), streamed by the server. */
export function ExportLinks({ params }: { params: ExplorerParams }) {
  const href = (format: 'csv' | 'json') => {
    const query = new URLSearchParams({ format });
    for (const key of EXPORTED) if (params[key]) query.set(key, params[key]);
    return `/api/events/export?${query}`;
  };
  return (
    <div className="flex shrink-0 items-center gap-2">
      <a href={href('csv')} download className={buttonClasses('secondary', 'sm')}>
        Export CSV
      </a>
      <a href={href('json')} download className={buttonClasses('secondary', 'sm')}>
        Export JSON
      </a>
    </div>
  );
}
