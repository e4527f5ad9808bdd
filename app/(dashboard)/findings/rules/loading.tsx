import { Card } from '@/components/ui/Card';

const bar = 'animate-pulse rounded bg-surface-hover';

/** The rule list's and a rule page's shape while they load: a header, then cards of lines. */
export default function RulesLoading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading detection rules">
      <div className="mb-6 space-y-2">
        <div className={`${bar} h-4 w-28`} />
        <div className={`${bar} h-7 w-72`} />
        <div className={`${bar} h-4 w-[28rem]`} />
      </div>
      <div className="space-y-6">
        {[0, 1].map((card) => (
          <Card key={card} className="divide-y divide-line">
            <div className="space-y-2 px-5 py-4">
              <div className={`${bar} h-5 w-40`} />
              <div className={`${bar} h-4 w-24`} />
            </div>
            {[0, 1, 2, 3].map((line) => (
              <div key={line} className="flex items-center gap-4 px-5 py-3">
                <div className={`${bar} h-4 w-10`} />
                <div className={`${bar} h-4 flex-1`} />
                <div className={`${bar} h-5 w-16`} />
              </div>
            ))}
          </Card>
        ))}
      </div>
    </div>
  );
}
