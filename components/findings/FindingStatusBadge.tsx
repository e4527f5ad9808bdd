import { Badge, type BadgeTone } from '@/components/ui/Badge';
import { FINDING_STATUS_LABELS, type FindingStatus } from '@/lib/findings/status';

const TONES: Record<FindingStatus, BadgeTone> = {
  open: 'danger',
  acknowledged: 'accent',
  closed: 'success',
  false_positive: 'neutral',
};

export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  return <Badge tone={TONES[status]}>{FINDING_STATUS_LABELS[status]}</Badge>;
}
