import { Card, CardBody, CardHeader } from '@/components/ui/Card';
import { getPool } from '@/lib/db/pg-pool';
import { getActivityHistogram } from '@/lib/queries/principals/get-activity-histogram';
import { ActivityHistogram } from './ActivityHistogram';
import type { PrincipalSectionProps } from './section-props';

export async function HistogramSection({
  principal,
  scope,
  currentHref,
}: PrincipalSectionProps & { currentHref: string }) {
  const histogram = await getActivityHistogram(getPool(), principal.id, scope);
  const minutes = histogram.bucketMs / 60_000;
  const bucket =
    minutes >= 1440 ? `${minutes / 1440} day` : minutes >= 60 ? `${minutes / 60} hour` : `${minutes} minute`;
  return (
    <Card aria-labelledby="activity-heading">
      <CardHeader
        id="activity-heading"
        title="Activity"
        description={`Calls per ${bucket}, by service; dots mark errors and access denied.`}
      />
      <CardBody>
        <ActivityHistogram histogram={histogram} zoomHrefBase={currentHref} />
      </CardBody>
    </Card>
  );
}
