// CPU seconds spent by the PostgreSQL server a pool talks to, for benchmarks that report database
// time next to the Node process's own. Linux only, and only for a server on this machine (the
// embedded cluster): it reads /proc for the postmaster (the parent of our backend) and its
// children. Exited backends are counted through the postmaster's reaped-children times (cutime,
// cstime); live ones (our pool's, autovacuum, the WAL writer) through their own. Returns null when
// /proc does not have the answer.

import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';

const TICKS_PER_SECOND = 100;

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
    const number = (index: number) => Number(fields[index - 3]);
    return { ppid: number(4), self: number(14) + number(15), children: number(16) + number(17) };
  } catch {
    return null;
  }
}

export async function postgresCpuMeter(pool: pg.Pool): Promise<(() => number | null) | null> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const backend = rows[0] ? readStat(rows[0].pid) : null;
  const postmaster = backend?.ppid;
  if (!postmaster || !readStat(postmaster)) return null;

  const total = (): number | null => {
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
  };
  const start = total();
  if (start === null) return null;
  return () => {
    const now = total();
    return now === null ? null : Math.round(((now - start) / TICKS_PER_SECOND) * 100) / 100;
  };
}
