import type { NormalizedEvent } from '@/lib/cloudtrail/types';

// Accounts that are neither the log owner, the caller's own account, nor on the known list.
export function externalAccounts(
  accounts: Iterable<string>,
  event: NormalizedEvent,
  knownAccountIds: readonly string[],
): string[] {
  const own = new Set([event.recipientAccountId, event.principalAccountId, ...knownAccountIds]);
  return [...new Set(accounts)].filter((account) => !own.has(account));
}

export const ACCOUNT_ID_RE = /^\d{12}$/;
