import { getPool } from '@/lib/db/pg-pool';
import { getAssumedRoles, getSessionOrigins } from '@/lib/queries/principals/get-role-sessions';
import { SessionsPanel } from './SessionsPanel';
import type { PrincipalSectionProps } from './section-props';

export async function SessionsSection({ principal, scope }: PrincipalSectionProps) {
  const db = getPool();
  const [origins, assumed] = await Promise.all([
    principal.principalType === 'AssumedRole' ? getSessionOrigins(db, principal) : [],
    getAssumedRoles(db, principal.id, scope),
  ]);
  return <SessionsPanel origins={origins} assumed={assumed} />;
}
