import Link from 'next/link';
import type { CaseItemView } from '@/lib/cases/load-case';
import { ItemControls } from './ItemControls';
import { TagList } from './TagList';

type ViewItem = Extract<CaseItemView, { kind: 'view' }>;

/** The case's saved views. On a share page the URLs are shown as text: nothing there links into the app. */
export function SavedViewsList({
  views,
  editCaseId,
  linkable = true,
}: {
  views: ViewItem[];
  editCaseId?: string;
  linkable?: boolean;
}) {
  if (views.length === 0)
    return <p className="text-sm text-muted">No saved views. Save one with “Add to case” on any page.</p>;
  return (
    <ul aria-label="Saved views" className="space-y-3 text-sm">
      {views.map((view) => (
        <li key={view.id} className="min-w-0">
          {linkable ? (
            <Link href={view.viewUrl} className="font-medium text-fg hover:text-accent hover:underline">
              {view.starred ? '★ ' : ''}
              {view.label}
            </Link>
          ) : (
            <span className="font-medium">{view.label}</span>
          )}
          <p className="truncate font-mono text-xs text-subtle" title={view.viewUrl}>
            {view.viewUrl}
          </p>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <TagList tags={view.tags} label={`Tags of view ${view.label}`} />
            {editCaseId ? (
              <ItemControls
                caseId={editCaseId}
                itemId={view.id}
                starred={view.starred}
                tags={view.tags}
                name={`view ${view.label}`}
              />
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
