import { Badge, type BadgeTone } from '@/components/ui/Badge';
import { CASE_STATUS_LABELS, type CaseStatus } from '@/lib/cases/constants';

const TONES: Record<CaseStatus, BadgeTone> = { open: 'danger', contained: 'accent', closed: 'success' };

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return <Badge tone={TONES[status]}>{CASE_STATUS_LABELS[status]}</Badge>;
}
