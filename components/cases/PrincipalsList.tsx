import Link from 'next/link';
import type { CaseItemView } from '@/lib/cases/load-case';
import { principalHref } from '@/lib/links';
import { ItemControls } from './ItemControls';
import { TagList } from './TagList';

type PrincipalItem = Extract<CaseItemView, { kind: 'principal' }>;

/** Bookmarked principals; names and ARNs come from logs and are text. */
export function PrincipalsList({
  principals,
  editCaseId,
  linkable = true,
}: {
  principals: PrincipalItem[];
  editCaseId?: string;
  linkable?: boolean;
}) {
  if (principals.length === 0) return <p className="text-sm text-muted">No principals bookmarked.</p>;
  return (
    <ul aria-label="Bookmarked principals" className="space-y-3 text-sm">
      {principals.map((item) => {
        const name = item.principal?.name ?? `principal #${item.principalId}`;
        return (
          <li key={item.id} className="min-w-0">
            {linkable && item.principal ? (
              <Link
                href={principalHref(item.principalId)}
                className="font-medium text-fg hover:text-accent hover:underline"
              >
                {item.starred ? '★ ' : ''}
                {name}
              </Link>
            ) : (
              <span className="font-medium">
                {item.starred ? '★ ' : ''}
                {name}
              </span>
            )}
            <p className="truncate text-xs text-muted" title={item.principal?.arn ?? undefined}>
              {item.principal
                ? `${item.principal.principalType} · ${item.principal.arn ?? item.principal.accountId}`
                : 'No longer stored'}
            </p>
            <div className="mt-1 flex flex-wrap items-center gap-2">
              <TagList tags={item.tags} label={`Tags of principal ${name}`} />
              {editCaseId ? (
                <ItemControls
                  caseId={editCaseId}
                  itemId={item.id}
                  starred={item.starred}
                  tags={item.tags}
                  name={`principal ${name}`}
                />
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
