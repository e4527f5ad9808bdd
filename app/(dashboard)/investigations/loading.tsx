import { CaseListSkeleton } from '@/components/cases/Skeletons';

export default function Loading() {
  return <CaseListSkeleton />;
}
