import { Card, CardBody } from '@/components/ui/Card';

const BAR = 'animate-pulse rounded bg-surface-hover';

/** The explorer's shape while its query runs: filters, then a table of placeholder rows. */
export default function EventsLoading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading events">
      <div className="mb-6 space-y-2">
        <div className={`${BAR} h-7 w-32`} />
        <div className={`${BAR} h-4 w-96`} />
      </div>
      <div className="space-y-4">
        <Card>
          <CardBody className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6">
            {Array.from({ length: 13 }, (_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholders
              <div key={index} className="space-y-1">
                <div className={`${BAR} h-3 w-16`} />
                <div className={`${BAR} h-8`} />
              </div>
            ))}
          </CardBody>
        </Card>
        <Card>
          <div className="border-b border-line px-5 py-4">
            <div className={`${BAR} h-5 w-40`} />
            <div className={`${BAR} mt-2 h-4 w-80`} />
          </div>
          <div className="divide-y divide-line">
            {Array.from({ length: 10 }, (_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholders
              <div key={index} className="flex gap-6 px-5 py-3">
                <div className={`${BAR} h-4 w-20`} />
                <div className={`${BAR} h-4 w-40`} />
                <div className={`${BAR} h-4 w-32`} />
                <div className={`${BAR} h-4 w-16`} />
                <div className={`${BAR} h-4 w-28`} />
              </div>
            ))}
          </div>
        </Card>
      </div>
    </div>
  );
}
