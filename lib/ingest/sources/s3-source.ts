import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  type ListObjectsV2CommandOutput,
  paginateListObjectsV2,
  S3Client,
  type _Object as S3Object,
} from '@aws-sdk/client-s3';
import { UserFacingError } from '../../db/errors';
import {
  datePrefixesInYears,
  locatePrefix,
  type PrefixLocation,
  pathPassesFilters,
  planRegion,
} from './s3-layout';
import type { IngestSource, SourceFile, SourceFilters } from './types';

export interface S3SourceOptions {
  /** An S3-compatible store (MinIO, s3rver…); defaults to TRAILHOUND_S3_ENDPOINT. Implies path-style. */
  endpoint?: string;
  region?: string;
  forcePathStyle?: boolean;
  /** A ready client; tests pass one with fake credentials and a request-recording middleware. */
  client?: S3Client;
  /** ListObjectsV2 page size; S3 caps it at 1000. Small values exercise pagination in tests. */
  maxKeys?: number;
  /** List requests in flight at once. */
  concurrency?: number;
}

export class S3SourceError extends UserFacingError {
  override name = 'S3SourceError';
}

// Below a custom prefix, folders are explored this deep looking for AWSLogs/ before falling back to
// one flat listing, so a bucket of nested exports does not cost one request per folder forever.
const MAX_SEARCH_DEPTH = 4;
const BUCKET_RE = /^[a-z0-9][a-z0-9._-]{1,253}[a-z0-9]$/i;

export function parseS3Uri(uri: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/.exec(uri.trim());
  if (!match) throw new S3SourceError(`Not an S3 URI: "${uri}". Expected s3://bucket/optional/prefix/.`);
  const bucket = match[1] ?? '';
  if (!BUCKET_RE.test(bucket)) throw new S3SourceError(`Invalid S3 bucket name "${bucket}" in "${uri}".`);
  return { bucket, prefix: (match[2] ?? '').replace(/^\/+/, '') };
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
]);

function describeS3Error(err: unknown, bucket: string, endpoint: string | undefined, what: string): Error {
  if (err instanceof S3SourceError) return err;
  const e = (err ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const status = e.$metadata?.httpStatusCode;
  const where = endpoint ? ` at ${endpoint}` : '';
  let message: string;
  if (e.name === 'NoSuchBucket') {
    message = `S3 bucket "${bucket}" does not exist${where}.`;
  } else if (e.name === 'NoSuchKey' || (status === 404 && what.startsWith('reading'))) {
    message = `S3 bucket "${bucket}": ${what} failed, the object no longer exists.`;
  } else if (
    status === 403 ||
    ['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AllAccessDisabled'].includes(
      e.name ?? '',
    )
  ) {
    message = `Access denied to S3 bucket "${bucket}" while ${what} (${e.name ?? status}). Check the AWS credentials and that they allow s3:ListBucket and s3:GetObject.`;
  } else if (e.name === 'CredentialsProviderError') {
    message = `No AWS credentials found to read S3 bucket "${bucket}". Set AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run where a role is available.`;
  } else if (e.name === 'PermanentRedirect' || status === 301) {
    message = `S3 bucket "${bucket}" is in another region; set the region for this source.`;
  } else if (NETWORK_CODES.has(e.code ?? '') || e.name === 'TimeoutError') {
    message = `Cannot reach S3${where || ' (AWS)'} for bucket "${bucket}": ${e.code ?? e.name}.`;
  } else {
    message = `S3 bucket "${bucket}": ${what} failed: ${e.name ?? 'Error'}: ${e.message ?? String(err)}`;
  }
  return new S3SourceError(message, { cause: err });
}

/** Runs fn over items with at most `limit` in flight, keeping results in input order. */
async function mapOrdered<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const isFile = (obj: S3Object): obj is S3Object & { Key: string } =>
  typeof obj.Key === 'string' && !obj.Key.endsWith('/');

/** Which child folders each structural level follows; anything else under AWSLogs/ is another service's logs. */
const CHILD_LEVELS: Partial<Record<PrefixLocation['level'], PrefixLocation['level'][]>> = {
  awslogs: ['org', 'account'],
  org: ['account'],
  account: ['kind'],
  kind: ['region'],
};

/**
 * Lists `s3://bucket/prefix` and turns account, region and day filters into key prefixes: the layout
 * is discovered one level at a time with `Delimiter: '/'`, and only the day folders inside the range
 * of the wanted accounts and regions are listed in full. Credentials come from the default AWS chain.
 */
export function createS3Source(uri: string, options: S3SourceOptions = {}): IngestSource {
  const { bucket, prefix: rawPrefix } = parseS3Uri(uri);
  const endpoint = options.endpoint ?? (process.env.TRAILHOUND_S3_ENDPOINT || undefined);
  if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint)) {
    throw new S3SourceError(`Invalid S3 endpoint "${endpoint}": expected http(s)://host[:port].`);
  }
  const client =
    options.client ??
    new S3Client({
      // Without a region anywhere, us-east-1 plus redirects reaches a bucket in any region.
      region: options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
      // A black-holed endpoint should fail in seconds with a clear message, not after the OS TCP timeout.
      requestHandler: { connectionTimeout: 10_000 },
      ...(endpoint
        ? { endpoint, forcePathStyle: options.forcePathStyle ?? true }
        : { forcePathStyle: options.forcePathStyle ?? false, followRegionRedirects: true }),
    });
  const concurrency = Math.max(1, options.concurrency ?? 8);
  // The prefix names a folder; a prefix without a trailing slash may also name one object.
  const prefix = rawPrefix === '' || rawPrefix.endsWith('/') ? rawPrefix : `${rawPrefix}/`;
  const fail = (err: unknown, what: string) => describeS3Error(err, bucket, endpoint, what);

  async function* pages(Prefix: string, Delimiter?: string): AsyncGenerator<ListObjectsV2CommandOutput> {
    try {
      const input = { Bucket: bucket, Prefix, ...(Delimiter ? { Delimiter } : {}) };
      yield* paginateListObjectsV2({ client, pageSize: options.maxKeys }, input);
    } catch (err) {
      throw fail(err, `listing "${Prefix}"`);
    }
  }

  async function listLevel(folder: string): Promise<{ folders: string[]; files: S3Object[] }> {
    // A Set, because some S3-compatible stores repeat a common prefix on the next page.
    const folders = new Set<string>();
    const files: S3Object[] = [];
    for await (const page of pages(folder, '/')) {
      for (const p of page.CommonPrefixes ?? []) if (p.Prefix) folders.add(p.Prefix);
      files.push(...(page.Contents ?? []));
    }
    return { folders: [...folders], files };
  }

  function toSourceFile(obj: S3Object & { Key: string }): SourceFile {
    const key = obj.Key;
    const size = obj.Size ?? null;
    const etag = obj.ETag?.replaceAll('"', '');
    return {
      path: key,
      size,
      ...(etag ? { fingerprint: `etag:${etag}:${size ?? ''}` } : {}),
      async open(): Promise<Readable> {
        try {
          const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
          if (out.Body instanceof Readable) return out.Body;
          throw new S3SourceError(`S3 bucket "${bucket}": reading "${key}" returned no stream.`);
        } catch (err) {
          throw fail(err, `reading "${key}"`);
        }
      },
    };
  }

  /** What one structural folder adds: folders to descend into, folders to list in full, loose files. */
  type Expansion = { children: PrefixLocation[]; leaves: string[]; loose: S3Object[] };

  async function expand(loc: PrefixLocation, filters: SourceFilters): Promise<Expansion> {
    const wanted = CHILD_LEVELS[loc.level];
    if (wanted) {
      const level = await listLevel(loc.prefix);
      const children = level.folders
        .map((f) => locatePrefix(f, filters))
        .filter((c) => wanted.includes(c.level));
      return { children, leaves: [], loose: level.files };
    }
    if (loc.level === 'flat') return { children: [], leaves: [loc.prefix], loose: [] };
    if (loc.level !== 'region') return { children: [], leaves: [], loose: [] };
    const plan = planRegion(filters);
    if (plan.mode === 'all') return { children: [], leaves: [loc.prefix], loose: [] };
    if (plan.mode === 'dates')
      return { children: [], leaves: plan.prefixes.map((p) => loc.prefix + p), loose: [] };
    const level = await listLevel(loc.prefix);
    const years = level.folders.map((f) => f.slice(loc.prefix.length, -1));
    const leaves = datePrefixesInYears(years, filters).map((p) => loc.prefix + p);
    return { children: [], leaves, loose: level.files };
  }

  /** Walks the layout levels below AWSLogs/ breadth-first, a level's folders listed concurrently. */
  async function discoverLeaves(start: PrefixLocation, filters: SourceFilters) {
    const leaves: string[] = [];
    const loose: S3Object[] = [];
    let frontier = [start];
    while (frontier.length > 0) {
      const expanded = await mapOrdered(frontier, concurrency, (loc) => expand(loc, filters));
      for (const e of expanded) {
        leaves.push(...e.leaves);
        loose.push(...e.loose);
      }
      frontier = expanded.flatMap((e) => e.children);
    }
    return { leaves, loose };
  }

  /**
   * Lists each leaf folder in full, in order. The first page of the next few leaves is fetched ahead
   * (one request each), which hides latency when a range has many small day folders; later pages of
   * a leaf are fetched as it is consumed, so memory stays bounded on an unfiltered listing.
   */
  async function* listLeaves(leaves: string[]): AsyncGenerator<S3Object> {
    type Started = {
      it: AsyncIterator<ListObjectsV2CommandOutput>;
      first: Promise<IteratorResult<ListObjectsV2CommandOutput>>;
    };
    const started: Started[] = [];
    let nextLeaf = 0;
    const fill = () => {
      while (nextLeaf < leaves.length && started.length < concurrency) {
        const it = pages(leaves[nextLeaf++] as string)[Symbol.asyncIterator]();
        const first = it.next();
        first.catch(() => {}); // surfaced when this leaf is consumed; avoids an unhandled rejection meanwhile
        started.push({ it, first });
      }
    };
    fill();
    for (let leaf = started.shift(); leaf; leaf = started.shift()) {
      fill();
      for (let r = await leaf.first; !r.done; r = await leaf.it.next()) yield* r.value.Contents ?? [];
    }
  }

  async function* walk(loc: PrefixLocation, filters: SourceFilters, depth: number): AsyncGenerator<S3Object> {
    if (loc.level === 'excluded') return;
    if (loc.level !== 'search') {
      const { leaves, loose } = await discoverLeaves(loc, filters);
      yield* loose;
      yield* listLeaves(leaves);
      return;
    }
    if (depth >= MAX_SEARCH_DEPTH) {
      yield* listLeaves([loc.prefix]);
      return;
    }
    const level = await listLevel(loc.prefix);
    yield* level.files;
    for (const folder of level.folders) yield* walk(locatePrefix(folder, filters), filters, depth + 1);
  }

  async function headExactKey(key: string): Promise<S3Object | null> {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { Key: key, Size: head.ContentLength, ETag: head.ETag };
    } catch (err) {
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404) return null;
      throw fail(err, `reading "${key}"`);
    }
  }

  return {
    kind: 's3',
    description: `s3://${bucket}/${rawPrefix}`,
    async *list(filters: SourceFilters): AsyncIterable<SourceFile> {
      let seen = 0;
      for await (const obj of walk(locatePrefix(prefix, filters), filters, 0)) {
        seen++;
        // Every key is checked again by its path, which also filters listings that start below AWSLogs/.
        if (isFile(obj) && pathPassesFilters(obj.Key, filters)) yield toSourceFile(obj);
      }
      if (seen === 0 && prefix !== rawPrefix) {
        const obj = await headExactKey(rawPrefix);
        if (obj && isFile(obj) && pathPassesFilters(obj.Key, filters)) yield toSourceFile(obj);
      }
    },
  };
}
