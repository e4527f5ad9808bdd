// Triage states of a finding (the CHECK constraint of migration 0004). Kept free of server imports
// so client components can render labels and build the status picker from the same list.
export const FINDING_STATUSES = ['open', 'acknowledged', 'closed', 'false_positive'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  closed: 'Closed',
  false_positive: 'False positive',
};

/** Finding ids are bigint identities; anything else in a URL is not a finding. */
export function parseFindingId(value: string | undefined | null): bigint | null {
  return value && /^[1-9]\d{0,17}$/.test(value) ? BigInt(value) : null;
}
