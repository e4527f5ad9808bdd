import { Badge } from '@/components/ui/Badge';

const KIND_LABELS: Record<string, string> = { cloud: 'Cloud', hosting: 'Hosting', cdn: 'CDN' };

/** Marks cloud, hosting and CDN networks, where rented machines (and attackers' boxes) live. */
export function NetworkBadge({ kind, provider }: { kind: string | null; provider: string | null }) {
  if (!kind) return null;
  return (
    <Badge tone="accent" className="ml-1.5">
      {KIND_LABELS[kind] ?? kind}
      {provider ? ` · ${provider}` : ''}
    </Badge>
  );
}
