'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { IngestJobSnapshot } from '@/lib/ingest-runner/job-snapshot';
import { isJobActive, jobDurationMs, totalEvents } from './job-display';

const POLL_MS = 1000;

/**
 * Follows one job: polls its status route every second while it is queued, running or analysing,
 * then stops and refreshes the page once so server-rendered parts (the jobs list) catch up.
 * Requests never overlap: the next one is scheduled only after the last one answered.
 */
export function useJobSnapshot(initial: IngestJobSnapshot) {
  const router = useRouter();
  const [snapshot, setSnapshot] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const active = isJobActive(snapshot.job.status, snapshot.phase);
  const jobId = snapshot.job.id;

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/api/ingest/jobs/${jobId}`, { cache: 'no-store' });
        if (stopped) return;
        if (response.status === 401) {
          setProblem('Your session has ended. Sign in again to keep following this job.');
          return;
        }
        if (!response.ok) throw new Error(`status ${response.status}`);
        const next = (await response.json()) as IngestJobSnapshot;
        if (stopped) return;
        setProblem(null);
        setSnapshot(next);
        if (!isJobActive(next.job.status, next.phase)) {
          router.refresh();
          return;
        }
      } catch {
        if (stopped) return;
        setProblem('Lost contact with the server; retrying…');
      }
      timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, jobId, router]);

  return { snapshot, problem, active, eventsPerSecond: useEventRate(snapshot, active) };
}

/**
 * Events per second: while running, a smoothed rate over recent polls (counts move per finished
 * file, so a raw delta jumps); once finished, the job's average over its whole run.
 */
function useEventRate(snapshot: IngestJobSnapshot, active: boolean): number | null {
  const last = useRef<{ at: number; events: number } | null>(null);
  const [rate, setRate] = useState<number | null>(null);

  // Every poll brings a new snapshot, so a stalled job decays towards 0 instead of freezing.
  useEffect(() => {
    if (!active) return;
    const events = totalEvents(snapshot.job);
    const now = Date.now();
    const previous = last.current;
    last.current = { at: now, events };
    if (!previous || now <= previous.at) return;
    const instant = ((events - previous.events) * 1000) / (now - previous.at);
    setRate((current) => (current === null ? instant : current * 0.6 + instant * 0.4));
  }, [active, snapshot]);

  if (active) return snapshot.job.status === 'running' ? rate : null;
  const duration = jobDurationMs(snapshot.job);
  return duration && duration > 0 ? (totalEvents(snapshot.job) * 1000) / duration : null;
}
