import { getPool } from '@/lib/db/pg-pool';
import { getPrincipalFindings } from '@/lib/queries/principals/get-principal-findings';
import { PrincipalFindings } from './PrincipalFindings';

export async function PrincipalFindingsSection({ principalId }: { principalId: string }) {
  return (
    <PrincipalFindings
      findings={await getPrincipalFindings(getPool(), principalId)}
      principalId={principalId}
    />
  );
}
