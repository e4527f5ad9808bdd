type Env = Record<string, string | undefined>;

/**
 * The S3-compatible endpoints a signed-in user may point an import at. The server signs its
 * requests with its own AWS credentials and fetches from the endpoint it is given, so a free-form
 * endpoint would let any analyst make it call arbitrary hosts on its network (instance metadata,
 * internal services) and send them its access key id. The operator lists the stores they run in
 * TRAILHOUND_S3_ENDPOINTS (comma-separated); TRAILHOUND_S3_ENDPOINT, the default, is always allowed.
 * The CLI is run by the operator and takes any endpoint.
 */
export function allowedS3Endpoints(env: Env = process.env): string[] {
  const listed = [env.TRAILHOUND_S3_ENDPOINT ?? '', ...(env.TRAILHOUND_S3_ENDPOINTS ?? '').split(',')];
  const origins = listed
    .map((value) => originOf(value.trim()))
    .filter((origin): origin is string => !!origin);
  return [...new Set(origins)];
}

/** The server's default endpoint (used when a source names none), as an origin. */
export function defaultS3Endpoint(env: Env = process.env): string | undefined {
  return originOf((env.TRAILHOUND_S3_ENDPOINT ?? '').trim()) ?? undefined;
}

/** The endpoint as the allowed-list entry it matches, or null when it matches none. */
export function matchAllowedS3Endpoint(value: string, env: Env = process.env): string | null {
  const origin = originOf(value.trim());
  return origin && allowedS3Endpoints(env).includes(origin) ? origin : null;
}

function originOf(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}
