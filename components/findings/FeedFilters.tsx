import Link from 'next/link';
import { buttonClasses } from '@/components/ui/Button';
import { selectClasses } from '@/components/ui/Field';
import { type FeedQuery, feedFilters } from '@/lib/findings/feed-query';
import { TACTIC_LIST } from '@/lib/findings/rule-info';
import { FINDING_STATUS_LABELS, FINDING_STATUSES } from '@/lib/findings/status';
import { toUtcInputValue } from '@/lib/format';
import { findingsHref } from '@/lib/links';
import type { FeedOptions } from '@/lib/queries/findings/get-feed-options';
import { SEVERITIES, SEVERITY_LABELS } from '@/lib/severity';
import { CleanGetForm } from './CleanGetForm';

const LABEL = 'block text-xs font-medium text-muted';
// Width is the caller's: the grid's selects fill their cell, the second row's have fixed widths.
const CONTROL = `${selectClasses} mt-1 pl-2.5`;
const CELL_CONTROL = `${CONTROL} w-full`;

/**
 * The feed's filters as a plain GET form: submitting it writes the query string, so the filtered
 * feed is a URL that back/forward and bookmarks keep. Sorting survives in hidden fields; paging
 * restarts at 1 because the rows change.
 */
export function FeedFilters({
  query,
  options,
  users,
}: {
  query: FeedQuery;
  options: FeedOptions;
  /** Who findings can be assigned to, for the assignee filter. */
  users: { id: string; email: string }[];
}) {
  // A multi-value URL filter (severity=high,critical) has no single option to select: keep it as typed.
  const severity = query.severities.join(',');
  const status = query.statuses.join(',');
  return (
    // Keyed by the view: the controls are uncontrolled, so back/forward must remount them to show
    // the URL's values rather than what was last picked.
    <CleanGetForm
      key={findingsHref(feedFilters(query))}
      action="/findings"
      aria-label="Filter findings"
      className="space-y-3"
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
        <label className={LABEL}>
          Severity
          <select name="severity" defaultValue={severity} className={CELL_CONTROL}>
            <option value="">Any</option>
            {query.severities.length > 1 && severity !== 'high,critical' ? (
              <option value={severity}>{severity}</option>
            ) : null}
            <option value="high,critical">High and critical</option>
            {[...SEVERITIES].reverse().map((value) => (
              <option key={value} value={value}>
                {SEVERITY_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          Status
          <select name="status" defaultValue={status} className={CELL_CONTROL}>
            <option value="">Any</option>
            {query.statuses.length > 1 && status !== 'open,acknowledged' ? (
              <option value={status}>{status}</option>
            ) : null}
            <option value="open,acknowledged">Not yet closed</option>
            {FINDING_STATUSES.map((value) => (
              <option key={value} value={value}>
                {FINDING_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          Tactic
          <select name="tactic" defaultValue={query.tactic ?? ''} className={CELL_CONTROL}>
            <option value="">Any</option>
            {TACTIC_LIST.map((tactic) => (
              <option key={tactic.id} value={tactic.id}>
                {tactic.name}
              </option>
            ))}
          </select>
        </label>
        <label className={`${LABEL} col-span-2`}>
          Rule
          <select name="rule" defaultValue={query.rule ?? ''} className={CELL_CONTROL}>
            <option value="">Any</option>
            {query.rule && !options.rules.some((rule) => rule.ruleId === query.rule) ? (
              <option value={query.rule}>{query.rule}</option>
            ) : null}
            {options.rules.map((rule) => (
              <option key={rule.ruleId} value={rule.ruleId}>
                {rule.ruleId} · {rule.title} ({rule.count})
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          Account
          <select name="account" defaultValue={query.account ?? ''} className={CELL_CONTROL}>
            <option value="">Any</option>
            {query.account && !options.accounts.includes(query.account) ? (
              <option value={query.account}>{query.account}</option>
            ) : null}
            {options.accounts.map((account) => (
              <option key={account} value={account}>
                {account}
              </option>
            ))}
          </select>
        </label>
        <label className={`${LABEL} col-span-2`}>
          Principal
          <select name="principal" defaultValue={query.principal ?? ''} className={CELL_CONTROL}>
            <option value="">Any</option>
            {query.principal && !options.principals.some((principal) => principal.id === query.principal) ? (
              <option value={query.principal}>Principal #{query.principal}</option>
            ) : null}
            {options.principals.map((principal) => (
              <option key={principal.id} value={principal.id}>
                {principal.name} · {principal.accountId} ({principal.count})
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <label className={LABEL}>
          Assignee
          <select name="assignee" defaultValue={query.assignee ?? ''} className={`${CONTROL} w-52`}>
            <option value="">Anyone or no one</option>
            <option value="none">Unassigned</option>
            {query.assignee &&
            query.assignee !== 'none' &&
            !users.some((user) => user.id === query.assignee) ? (
              <option value={query.assignee}>A user who cannot triage</option>
            ) : null}
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.email}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          Seen from (UTC)
          <input
            type="datetime-local"
            name="from"
            defaultValue={toUtcInputValue(query.from)}
            className={`${CONTROL} w-52`}
          />
        </label>
        <label className={LABEL}>
          Seen until (UTC)
          <input
            type="datetime-local"
            name="to"
            defaultValue={toUtcInputValue(query.to)}
            className={`${CONTROL} w-52`}
          />
        </label>
        {query.sort !== 'lastSeen' ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir !== 'desc' ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <div className="ml-auto flex gap-2">
          <Link href="/findings" className={buttonClasses('ghost', 'sm')}>
            Clear filters
          </Link>
          <button type="submit" className={buttonClasses('primary', 'sm')}>
            Apply filters
          </button>
        </div>
      </div>
    </CleanGetForm>
  );
}
