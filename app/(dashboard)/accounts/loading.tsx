import { SectionSkeleton } from '@/components/principals/SectionSkeleton';

export default function Loading() {
  return (
    <div className="space-y-6">
      <div className="h-8 w-64 animate-pulse rounded bg-surface-hover" />
      <div className="grid gap-6 lg:grid-cols-2">
        <SectionSkeleton label="risk" className="h-56" />
        <SectionSkeleton label="findings" className="h-56" />
      </div>
      <SectionSkeleton label="posture" className="h-72" />
    </div>
  );
}
