// Folds hits into findings: hits with one dedup key that start within the rule's dedup window of
// the previous hit's last event extend that finding (firstSeen/lastSeen/count) instead of adding
// another. A later recurrence after a quiet gap is a new finding with the same dedup key.

import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { SEVERITIES } from '@/lib/severity';
import type { AnyRuleId, Finding, Hit } from '../types';
import { compareEvents } from './hits';

interface Draft {
  finding: Finding;
  events: Map<string, NormalizedEvent>;
  severityRank: number;
}

const rank = (severity: Finding['severity']) => SEVERITIES.indexOf(severity);
const eventKey = (event: NormalizedEvent) => `${event.recipientAccountId}\u0000${event.eventId}`;

function firstEvent(hit: Hit): NormalizedEvent {
  return hit.events.reduce((min, event) => (compareEvents(event, min) < 0 ? event : min));
}

function startDraft(ruleId: AnyRuleId, hit: Hit): Draft {
  const events = new Map(hit.events.map((event) => [eventKey(event), event]));
  const finding: Finding = {
    ruleId,
    severity: hit.severity,
    dedupKey: hit.dedupKey,
    accountId: hit.accountId,
    principalKey: hit.principalKey,
    region: null,
    firstSeen: firstEvent(hit).eventTime,
    lastSeen: firstEvent(hit).eventTime,
    eventCount: 0,
    eventIds: [],
    summary: hit.summary,
  };
  return { finding, events, severityRank: rank(hit.severity) };
}

function finish(draft: Draft): Finding {
  const events = [...draft.events.values()].sort(compareEvents);
  const first = events[0] as NormalizedEvent;
  const last = events[events.length - 1] as NormalizedEvent;
  return {
    ...draft.finding,
    region: events.find((event) => event.awsRegion !== null)?.awsRegion ?? null,
    firstSeen: first.eventTime,
    lastSeen: last.eventTime,
    eventCount: events.length,
    eventIds: events.map((event) => event.eventId),
  };
}

export function mergeHits(ruleId: AnyRuleId, hits: Hit[], dedupWindowMs: number): Finding[] {
  const byKey = new Map<string, Hit[]>();
  for (const hit of hits) {
    if (hit.events.length === 0) continue;
    const list = byKey.get(hit.dedupKey);
    if (list) list.push(hit);
    else byKey.set(hit.dedupKey, [hit]);
  }

  const findings: Finding[] = [];
  for (const group of byKey.values()) {
    group.sort((a, b) => compareEvents(firstEvent(a), firstEvent(b)));
    let draft: Draft | null = null;
    let lastTime = 0;
    for (const hit of group) {
      const start = firstEvent(hit).eventTime.getTime();
      if (draft && start - lastTime <= dedupWindowMs) {
        for (const event of hit.events) draft.events.set(eventKey(event), event);
        // The most severe hit names the finding; the first one wins a tie.
        if (rank(hit.severity) > draft.severityRank) {
          draft.severityRank = rank(hit.severity);
          draft.finding.severity = hit.severity;
          draft.finding.summary = hit.summary;
        }
      } else {
        if (draft) findings.push(finish(draft));
        draft = startDraft(ruleId, hit);
      }
      for (const event of hit.events) lastTime = Math.max(lastTime, event.eventTime.getTime());
    }
    if (draft) findings.push(finish(draft));
  }
  return findings;
}
