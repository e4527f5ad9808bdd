import { Skeleton } from '@/components/ui/Skeleton';

export default function GeographyLoading() {
  return (
    <div role="status" aria-label="Loading the geography" className="space-y-6">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-11 w-full rounded-xl" />
      <Skeleton className="aspect-[96/50] w-full rounded-xl" />
      <Skeleton className="h-64 w-full rounded-xl" />
    </div>
  );
}
