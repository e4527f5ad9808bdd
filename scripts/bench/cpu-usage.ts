// CPU seconds for benchmarks: this process (all its threads) and the PostgreSQL server a pool or
// client talks to. Wall-clock throughput moves with whatever else the machine runs; CPU seconds
// per event move much less, so the benchmarks print both.
//
// PostgreSQL's share is read from /proc (Linux, a server on this machine such as the embedded
// cluster): the postmaster (the parent of our backend), its live children (backends, autovacuum,
// the WAL writer) and, through its reaped-children times, the backends that have exited. Null
// when /proc does not have the answer (another OS, a remote server).

import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface CpuSeconds {
  node: number;
  postgres: number | null;
}

interface Stat {
  ppid: number;
  self: number;
  children: number;
}

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const field = (index: number) => Number(fields[index - 3]);
    return { ppid: field(4), self: field(14) + field(15), children: field(16) + field(17) };
  } catch {
    return null;
  }
}

function postgresTicks(postmaster: number): number | null {
  const server = readStat(postmaster);
  if (!server) return null;
  let ticks = server.self + server.children;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === postmaster) continue;
    const stat = readStat(pid);
    if (stat?.ppid === postmaster) ticks += stat.self;
  }
  return ticks;
}

function nodeSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Starts measuring; the function returned gives the CPU seconds used since. */
export async function startCpuMeter(db: pg.Pool | pg.ClientBase): Promise<() => CpuSeconds> {
  const { rows } = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const postmaster = rows[0] ? readStat(rows[0].pid)?.ppid : undefined;
  const postgresAt = () => (postmaster ? postgresTicks(postmaster) : null);
  const nodeStart = nodeSeconds();
  const postgresStart = postgresAt();
  return () => {
    const postgresNow = postgresAt();
    return {
      node: round(nodeSeconds() - nodeStart),
      postgres:
        postgresNow === null || postgresStart === null
          ? null
          : round((postgresNow - postgresStart) / TICKS_PER_SECOND),
    };
  };
}
