import { getPool } from '@/lib/db/pg-pool';
import { getNewlyObserved } from '@/lib/queries/principals/get-newly-observed';
import { ObservedPanels } from './ObservedPanels';
import type { PrincipalSectionProps } from './section-props';

export async function ObservedSection({ principal, scope, baseline }: PrincipalSectionProps) {
  const panels = await getNewlyObserved(getPool(), {
    principalId: principal.id,
    accountId: principal.accountId,
    scope,
    baseline,
  });
  return (
    <ObservedPanels
      panels={panels}
      principalId={principal.id}
      accountId={principal.accountId}
      scope={scope}
    />
  );
}
