import { getCurrentSession } from '@/lib/auth/current-session';
import { WRITE_ROLES } from '@/lib/auth/roles';
import { listWritableCases } from '@/lib/cases/list-cases';
import { AddToCaseMenu, type AddToCaseMenuProps } from './AddToCaseMenu';

/**
 * Drop-in "Add to case" for server components:
 *
 *   <AddToCase target={{ kind: 'finding', findingId: finding.id }} name={`finding ${finding.title}`} />
 *   <AddToCase target={{ kind: 'event', accountId, eventId }} />
 *   <AddToCase target={{ kind: 'principal', principalId }} />
 *   <AddToCase target={{ kind: 'view', viewUrl: eventsHref(filters), label: 'Logins from AS14061' }} />
 *
 * Renders nothing for viewers (they cannot edit cases). The server action re-checks the role and
 * the case's visibility, so hiding it here is only for the look.
 */
export async function AddToCase(props: Omit<AddToCaseMenuProps, 'cases'>) {
  const session = await getCurrentSession();
  if (!session || !WRITE_ROLES.includes(session.role)) return null;
  const cases = await listWritableCases(session);
  return <AddToCaseMenu {...props} cases={cases} />;
}
