import { CaseDetailSkeleton } from '@/components/cases/Skeletons';

export default function Loading() {
  return <CaseDetailSkeleton />;
}
