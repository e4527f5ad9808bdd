import { SectionSkeleton } from '@/components/principals/SectionSkeleton';

export default function Loading() {
  return (
    <div className="space-y-6">
      <div className="h-8 w-72 animate-pulse rounded bg-surface-hover" />
      <SectionSkeleton label="scope" className="h-24" />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <SectionSkeleton label="activity" className="h-80" />
        <SectionSkeleton label="risk" className="h-80" />
      </div>
      <SectionSkeleton label="newly observed" className="h-64" />
    </div>
  );
}
