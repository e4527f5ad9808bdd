import { Badge } from '@/components/ui/Badge';
import { type DisplayStatus, STATUS_LABELS, STATUS_TONES } from './job-display';

export function JobStatusBadge({ status }: { status: DisplayStatus }) {
  const active = status === 'running' || status === 'analysing';
  return (
    <Badge tone={STATUS_TONES[status]}>
      {active ? (
        <span
          aria-hidden="true"
          className="size-1.5 animate-pulse rounded-full bg-current motion-reduce:animate-none"
        />
      ) : null}
      {STATUS_LABELS[status]}
    </Badge>
  );
}
