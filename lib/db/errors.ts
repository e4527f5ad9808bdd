/** A fault the user can fix; the CLI prints the message alone, without a stack trace. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

export function describeConnectionTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured server (DATABASE_URL is not a valid URL)';
  }
}
