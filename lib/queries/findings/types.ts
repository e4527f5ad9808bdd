// Plain, JSON-safe shapes (strings for ids and times) that server and client components share.
import type { FindingStatus } from '@/lib/findings/status';
import type { Severity } from '@/lib/severity';

export interface FindingRow {
  id: string;
  ruleId: string;
  severity: Severity;
  title: string;
  summary: string;
  accountId: string;
  principalId: string | null;
  principalKey: string;
  principalName: string | null;
  principalType: string | null;
  region: string | null;
  firstSeen: string;
  lastSeen: string;
  eventCount: number;
  status: FindingStatus;
  assigneeId: string | null;
  assigneeEmail: string | null;
}

export interface FindingDetail extends FindingRow {
  principalArn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EvidenceEvent {
  accountId: string;
  eventId: string;
  eventTime: string;
  /** False when the finding names an event that is no longer (or not yet) stored. */
  stored: boolean;
  region: string | null;
  eventSource: string | null;
  eventName: string | null;
  errorCode: string | null;
  readOnly: boolean | null;
  principalName: string | null;
  accessKeyId: string | null;
  sourceIp: string | null;
  country: string | null;
  asOrg: string | null;
  userAgent: string | null;
}

export interface FindingNoteRow {
  id: string;
  body: string;
  authorEmail: string | null;
  createdAt: string;
}
