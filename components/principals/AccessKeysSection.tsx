import { getPool } from '@/lib/db/pg-pool';
import { getAccessKeys } from '@/lib/queries/principals/get-access-keys';
import { AccessKeysPanel } from './AccessKeysPanel';

export async function AccessKeysSection({ principalId }: { principalId: string }) {
  return <AccessKeysPanel keys={await getAccessKeys(getPool(), principalId)} />;
}
