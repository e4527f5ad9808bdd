/**
 * `npm run bench:ingest -- --events 1000000 [--naive 100000]`
 *
 * Generates (or reuses) a demo corpus, loads it into a fresh database through the real pipeline,
 * then measures the database's own ceiling in the same run: a plain COPY of the same rows into
 * the same table. The corpus is read once beforehand, as the ceiling's COPY file is just written:
 * both sides then read from memory and the ratio compares the work, not this machine's disk. Prints {events, seconds, eventsPerSec, peakRssMb, copyLimitEventsPerSec, ratio}.
 * With --naive N it also times what most people would write first: JSON.parse per file and
 * Prisma createMany({skipDuplicates}) on the first N events.
 */
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EVENT_COLUMNS } from '../../lib/ingest/copy-format';
import { decodeBatch } from '../../lib/ingest/decode-batch';
import { DEFAULT_DECODE_LIMITS } from '../../lib/ingest/decoded-stream';
import { DimensionStore } from '../../lib/ingest/dimensions';
import { createPathSource } from '../../lib/ingest/sources/path-source';
import { readAll } from '../../lib/ingest/sources/read-all';
import { startCpuMeter } from './cpu-usage';
import { BENCH_DIR, ensureDemoCorpus, ingestCorpus } from './demo-corpus';
import { naiveLoad } from './naive-load';
import { createScratchDatabase } from './scratch-database';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    naive: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const events = Number(values.events);
const workDir = BENCH_DIR;
const corpus = ensureDemoCorpus(events);

const server = await createScratchDatabase();
try {
  // 1. The real pipeline.
  const target = await server.create('th_bench_ingest');
  const pool = new pg.Pool({ connectionString: target, max: 8 });
  await warmPageCache(corpus);
  const pipelineCpu = await startCpuMeter(pool);
  const started = process.hrtime.bigint();
  const { summary } = await ingestCorpus(pool, corpus);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuPipeline = pipelineCpu();
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  await pool.end();

  // 2. The ceiling: the same rows as COPY text, loaded by one plain COPY into a fresh table.
  const copyFile = path.join(workDir, `copy-${events}.tsv`);
  const baselineDb = await server.create('th_bench_copy');
  const baselinePool = new pg.Pool({ connectionString: baselineDb, max: 2 });
  const months = await writeCopyText(corpus, copyFile, new DimensionStore(baselinePool));
  await baselinePool.end();
  const client = new pg.Client({ connectionString: baselineDb });
  await client.connect();
  for (const month of months)
    await client.query('SELECT ensure_event_partitions($1, $1)', [`${month}-01T00:00:00Z`]);
  const copyCpu = await startCpuMeter(client);
  const copyStarted = process.hrtime.bigint();
  await pipeline(
    createReadStream(copyFile, { highWaterMark: 1024 * 1024 }),
    client.query(copyFrom(`COPY event (${EVENT_COLUMNS.join(', ')}) FROM STDIN`)),
  );
  const copySeconds = Number(process.hrtime.bigint() - copyStarted) / 1e9;
  const cpuCopy = copyCpu();
  await client.end();
  rmSync(copyFile, { force: true });

  const loaded = summary.eventsInserted + summary.eventsDuplicate;
  const result: Record<string, unknown> = {
    events: loaded,
    seconds: round(seconds),
    eventsPerSec: Math.round(loaded / seconds),
    peakRssMb,
    copyLimitEventsPerSec: Math.round(loaded / copySeconds),
    ratio: round(copySeconds / seconds),
    files: summary.filesTotal,
    // CPU time per 1,000 events, which moves much less than wall time when the machine is shared.
    cpuMsPerThousandEvents: {
      pipelineNode: perThousand(cpuPipeline.node, loaded),
      pipelinePostgres: perThousand(cpuPipeline.postgres, loaded),
      copyLimitPostgres: perThousand(cpuCopy.postgres, loaded),
    },
  };
  if (values.naive) {
    const naiveDb = await server.create('th_bench_naive');
    const naive = await naiveLoad(naiveDb, path.join(corpus, 'AWSLogs'), Number(values.naive));
    result.naiveEvents = naive.events;
    result.naiveEventsPerSec = Math.round(naive.events / naive.seconds);
  }
  console.log(JSON.stringify(result));
} finally {
  await server.dropAll();
  if (!values.keep) await server.stop();
}

function perThousand(seconds: number | null, events: number): number | null {
  return seconds === null ? null : round((seconds * 1e6) / events);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

async function warmPageCache(corpusDir: string): Promise<void> {
  for await (const sourceFile of createPathSource(path.join(corpusDir, 'AWSLogs')).list({}))
    await readAll(sourceFile);
}

/**
 * Decodes the corpus exactly as ingest does and writes the COPY rows ingest would send (with
 * their principal and user-agent ids resolved in the ceiling's own database).
 */
async function writeCopyText(corpusDir: string, file: string, store: DimensionStore): Promise<Set<string>> {
  const out = createWriteStream(file);
  const months = new Set<string>();
  let fileNumber = 0;
  for await (const sourceFile of createPathSource(path.join(corpusDir, 'AWSLogs')).list({})) {
    const toDecode = {
      fileRowId: String(++fileNumber),
      path: sourceFile.path,
      bytes: await readAll(sourceFile),
    };
    const [decoded] = await decodeBatch([toDecode], DEFAULT_DECODE_LIMITS, store);
    if (!decoded) throw new Error(`${sourceFile.path} could not be decoded in memory`);
    for (const month of decoded.stats.months) months.add(month);
    if (!out.write(decoded.copy)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return months;
}
