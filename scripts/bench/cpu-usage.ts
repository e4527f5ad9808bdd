import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../../lib/config/paths';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU seconds used so far by this process (all its threads) and by the embedded PostgreSQL
 * (the postmaster, its live children, and the children it has already reaped). Wall-clock
 * throughput moves with whatever else the machine runs; CPU seconds per event do much less, so
 * the benchmark prints both. Postgres is null when it is not the embedded cluster or not Linux.
 */
export function cpuSeconds(): { node: number; postgres: number | null } {
  const usage = process.cpuUsage();
  return { node: (usage.user + usage.system) / 1e6, postgres: postgresCpuSeconds() };
}

function postgresCpuSeconds(): number | null {
  if (process.env.DATABASE_URL && !process.env.DATABASE_URL.includes('127.0.0.1')) return null;
  try {
    const postmaster = Number(
      readFileSync(path.join(dataDir(), 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    let ticks = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = readStat(entry);
      if (!fields) continue;
      const pid = Number(entry);
      const parent = Number(fields[1]);
      if (pid === postmaster) ticks += fields.slice(11, 15).reduce((sum, value) => sum + Number(value), 0);
      else if (parent === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces): state is [0]. */
function readStat(pid: string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}
