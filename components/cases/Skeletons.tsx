import { Card } from '@/components/ui/Card';

// Placeholders with the shape of the page that is loading, so the layout does not jump.

const ROWS = ['a', 'b', 'c', 'd', 'e', 'f'];

function Bar({ className }: { className: string }) {
  return (
    <div className={`animate-pulse rounded-md bg-surface-muted motion-reduce:animate-none ${className}`} />
  );
}

export function CaseListSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading cases">
      <Bar className="mb-2 h-8 w-56" />
      <Bar className="mb-6 h-4 w-96" />
      <Card className="mb-6 p-5">
        <Bar className="h-9 w-full" />
      </Card>
      <Card>
        {ROWS.map((row) => (
          <div key={row} className="flex gap-4 border-b border-line px-5 py-4 last:border-b-0">
            <Bar className="h-4 flex-1" />
            <Bar className="h-4 w-20" />
            <Bar className="h-4 w-20" />
            <Bar className="h-4 w-32" />
          </div>
        ))}
      </Card>
    </div>
  );
}

export function CaseDetailSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading the case">
      <Bar className="mb-2 h-8 w-80" />
      <Bar className="mb-6 h-4 w-64" />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card className="space-y-5 p-5">
          {ROWS.slice(0, 5).map((row) => (
            <div key={row} className="flex gap-3">
              <Bar className="size-8 shrink-0 rounded-full" />
              <div className="flex-1 space-y-2">
                <Bar className="h-4 w-1/2" />
                <Bar className="h-4 w-3/4" />
              </div>
            </div>
          ))}
        </Card>
        <Card className="space-y-3 p-5">
          <Bar className="h-4 w-1/3" />
          <Bar className="h-24 w-full" />
          <Bar className="h-4 w-1/2" />
        </Card>
      </div>
    </div>
  );
}
