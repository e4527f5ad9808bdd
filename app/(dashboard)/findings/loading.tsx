import { Card } from '@/components/ui/Card';

const bar = 'animate-pulse rounded bg-surface-hover';

/** The feed's shape while its queries run: counts, filters, then rows. */
export default function FindingsLoading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading findings">
      <div className="mb-6 space-y-2">
        <div className={`${bar} h-7 w-40`} />
        <div className={`${bar} h-4 w-96`} />
      </div>
      <div className="space-y-6">
        <Card className="grid gap-6 px-5 py-4 lg:grid-cols-[2fr_3fr]">
          <div className="space-y-3">
            <div className={`${bar} h-3 w-24`} />
            <div className={`${bar} h-2.5 w-full`} />
            <div className="grid grid-cols-5 gap-2">
              {[0, 1, 2, 3, 4].map((key) => (
                <div key={key} className={`${bar} h-10`} />
              ))}
            </div>
          </div>
          <div className="grid grid-cols-2 gap-3">
            {[0, 1, 2, 3, 4, 5].map((key) => (
              <div key={key} className={`${bar} h-8`} />
            ))}
          </div>
        </Card>
        <Card>
          <div className="border-b border-line px-5 py-4">
            <div className={`${bar} h-5 w-24`} />
          </div>
          <div className="grid grid-cols-4 gap-3 border-b border-line px-5 py-4 xl:grid-cols-8">
            {[0, 1, 2, 3, 4, 5, 6, 7].map((key) => (
              <div key={key} className={`${bar} h-12`} />
            ))}
          </div>
          <div className="divide-y divide-line">
            {[0, 1, 2, 3, 4, 5, 6, 7].map((key) => (
              <div key={key} className="flex items-center gap-4 px-5 py-4">
                <div className={`${bar} h-5 w-16`} />
                <div className={`${bar} h-4 flex-1`} />
                <div className={`${bar} h-4 w-32`} />
                <div className={`${bar} h-4 w-24`} />
              </div>
            ))}
          </div>
        </Card>
      </div>
    </div>
  );
}
