import { Card, CardBody, CardHeader } from '@/components/ui/Card';

/** Regions with calls, busiest first: an unexpected region is a classic sign of misuse. */
export function RegionsInUse({ regions }: { regions: { region: string; events: number }[] }) {
  const max = Math.max(1, ...regions.map((r) => r.events));
  return (
    <Card aria-labelledby="regions-heading" className="break-inside-avoid">
      <CardHeader
        id="regions-heading"
        title="Regions in use"
        description="Where in the world this account ran things. A region nobody works in is worth a question."
      />
      <CardBody>
        {regions.length === 0 ? (
          <p className="text-sm text-muted">No calls in this window.</p>
        ) : (
          <ul className="space-y-1.5">
            {regions.map((region) => (
              <li
                key={region.region}
                className="grid grid-cols-[8rem_minmax(0,1fr)_4rem] items-center gap-3 text-sm"
              >
                <span className="font-mono text-[13px]">{region.region}</span>
                <div className="h-2 rounded-full bg-surface-muted">
                  <div
                    className="h-2 rounded-full bg-accent"
                    style={{ width: `${(region.events / max) * 100}%` }}
                  />
                </div>
                <span className="text-right text-muted tabular-nums">
                  {region.events.toLocaleString('en')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
