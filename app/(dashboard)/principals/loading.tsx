import { SectionSkeleton } from '@/components/principals/SectionSkeleton';

export default function Loading() {
  return (
    <div className="space-y-4">
      <div className="h-8 w-48 animate-pulse rounded bg-surface-hover" />
      <SectionSkeleton label="principals" className="h-96" />
    </div>
  );
}
