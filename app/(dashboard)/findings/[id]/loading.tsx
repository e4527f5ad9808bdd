import { Card } from '@/components/ui/Card';

const bar = 'animate-pulse rounded bg-surface-hover';

export default function FindingLoading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading the finding">
      <div className="mb-6 space-y-2">
        <div className={`${bar} h-4 w-20`} />
        <div className={`${bar} h-7 w-2/3`} />
        <div className={`${bar} h-5 w-64`} />
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          {[0, 1].map((card) => (
            <Card key={card} className="space-y-3 px-5 py-5">
              <div className={`${bar} h-5 w-32`} />
              {[0, 1, 2, 3].map((line) => (
                <div key={line} className={`${bar} h-4 w-full`} />
              ))}
            </Card>
          ))}
        </div>
        <Card className="space-y-3 px-5 py-5">
          {[0, 1, 2, 3, 4, 5].map((line) => (
            <div key={line} className={`${bar} h-4 w-full`} />
          ))}
        </Card>
      </div>
    </div>
  );
}
