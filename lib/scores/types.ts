// The shapes lib/scores returns to pages, the CLI and tests. Field names are part of the
// `principals --json` interface (README) and of the JSON stored in principal_score.contributions.

/** Every feature that can contribute to a score; docs/scoring.md explains each one. */
export const SCORE_FEATURES = [
  'new_ip',
  'new_asn',
  'new_country',
  'new_city',
  'new_ua_family',
  'new_service',
  'new_api',
  'new_region',
  'new_role',
  'new_bucket',
  'new_access_key',
  'rate_calls',
  'rate_errors',
  'breadth',
  'off_hours',
  'impossible_travel',
  'sensitive_api',
  'finding',
] as const;
export type ScoreFeature = (typeof SCORE_FEATURES)[number];

/** The kinds of item a principal uses, tracked per day in principal_day_item. */
export const ITEM_KINDS = [
  'ip',
  'asn',
  'country',
  'city',
  'ua_family',
  'service',
  'api',
  'region',
  'role',
  'bucket',
  'access_key',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface EventRef {
  accountId: string;
  eventId: string;
  eventTime: string;
}

/** A newly observed item behind a novelty feature. */
export interface NewItem {
  kind: ItemKind;
  value: string;
  newForAccount: boolean;
  firstSeen: string;
  count: number;
}

/** What a contribution links to: events (explorer / raw JSON), findings, and feature detail. */
export interface Evidence {
  events?: EventRef[];
  findings?: string[];
  items?: NewItem[];
  /** Rate: the hour (ISO) that stood out, its count and the baseline median/MAD for that hour. */
  hour?: { start: string; count: number; median: number; mad: number; pValue?: number };
  /** Impossible travel: Detective's ImpossibleTravelDetail fields. */
  travel?: {
    startingIpAddress: string;
    endingIpAddress: string;
    startingLocation: string;
    endingLocation: string;
    hourlyTimeDelta: number;
    distanceKm: number;
    speedKmh: number;
  };
  /** Findings: the rule and whether its tactic triggers the escalation multiplier. */
  ruleId?: string;
  severity?: string;
  escalation?: boolean;
  /** Free-form numbers shown next to the value (baseline max, usual hours, ...). */
  detail?: Record<string, number | string | number[]>;
}

export interface Contribution {
  feature: ScoreFeature;
  /** The feature's raw measure: items new, robust z, km/h, distinct services, findings. */
  value: number;
  /** The feature's weight (its largest possible factor). */
  weight: number;
  /** weight x strength, 0-1: the factor the composite multiplies in (docs/scoring.md). */
  contribution: number;
  evidence: Evidence;
  /** A finding's rule id, a sensitive API, ... ('' when the feature has one row). */
  item?: string;
}

export interface ScoreWindow {
  from: Date;
  /** Exclusive. */
  to: Date;
}

export interface PrincipalScore {
  principalId: string;
  accountId: string;
  principalKey: string;
  principalType: string;
  name: string;
  arn: string | null;
  window: ScoreWindow;
  /** 0-100. */
  riskScore: number;
  /** Fewer than 14 days of history at the end of the window. */
  learning: boolean;
  historyDays: number;
  /** Largest first. */
  contributions: Contribution[];
}

export interface DailyScore {
  /** YYYY-MM-DD (UTC). */
  day: string;
  riskScore: number;
  learning: boolean;
}

export interface PrincipalRiskFilter {
  window?: ScoreWindow;
  accountId?: string;
  /** Case-insensitive substring of the principal's name, key or ARN. */
  search?: string;
  /** true: only learning principals; false: only established ones. */
  learning?: boolean;
  limit?: number;
  offset?: number;
}

export interface PrincipalRiskList {
  window: ScoreWindow;
  total: number;
  rows: PrincipalScore[];
}

export interface PostureSignal {
  id:
    | 'root_usage'
    | 'console_without_mfa'
    | 'long_lived_keys'
    | 'cloudtrail_disabled'
    | 'guardduty_disabled'
    | 'config_disabled';
  /** Plain words for a non-specialist. */
  label: string;
  status: 'ok' | 'warning' | 'alert';
  count: number;
  lastSeen: string | null;
  evidence: EventRef[];
}

export interface AccountRisk {
  accountId: string;
  window: ScoreWindow;
  /** 0-100: the riskiest principal, raised by the mean of the top three (docs/scoring.md). */
  riskScore: number;
  /** The same score over the 7 and 30 days ending at the window's end, one point per day. */
  trend7: DailyScore[];
  trend30: DailyScore[];
  topPrincipals: PrincipalScore[];
  openFindingsBySeverity: Record<'info' | 'low' | 'medium' | 'high' | 'critical', number>;
  posture: PostureSignal[];
  /** Regions with events in the window, busiest first. */
  regions: { region: string; events: number }[];
  principalsTotal: number;
  principalsLearning: number;
}
