import { RULES } from '@/lib/detections/registry';
import type { Contribution, ScoreFeature } from '@/lib/scores';

/** Each score feature in plain words, for analysts and managers alike. */
export const FEATURE_LABELS: Record<ScoreFeature, string> = {
  new_ip: 'New IP addresses',
  new_asn: 'New networks (ASN)',
  new_country: 'New countries',
  new_city: 'New cities',
  new_ua_family: 'New kinds of client software',
  new_service: 'New AWS services',
  new_api: 'New API calls',
  new_region: 'New regions',
  new_role: 'New roles assumed',
  new_bucket: 'New S3 buckets',
  new_access_key: 'New access keys',
  rate_calls: 'Unusual call volume',
  rate_errors: 'Unusual error volume',
  breadth: 'More services than usual in a day',
  off_hours: 'Activity outside usual hours',
  impossible_travel: 'Impossible travel',
  sensitive_api: 'First use of a sensitive API',
  finding: 'Detection finding',
};

/** A finding's contribution reads as its rule's title ("Root account used"), not "Detection finding". */
export function contributionLabel(contribution: Pick<Contribution, 'feature' | 'item'>): string {
  const rule =
    contribution.feature === 'finding' && contribution.item
      ? RULES[contribution.item as keyof typeof RULES]
      : undefined;
  return rule?.title ?? FEATURE_LABELS[contribution.feature] ?? contribution.feature;
}
