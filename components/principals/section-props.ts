import type { TimeWindow } from '@/lib/principals/scope';
import type { PrincipalSummary } from '@/lib/queries/principals/get-principal';

/** What every scoped section of the principal page receives. */
export interface PrincipalSectionProps {
  principal: PrincipalSummary;
  scope: TimeWindow;
  baseline: TimeWindow;
}
