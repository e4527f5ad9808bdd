// Event-name and service normalisation. Rules match on the normalised name so that one rule covers
// every Lambda API version; the raw name is kept alongside for display and exact search.

// Lambda logs the API version date in the name: UpdateFunctionCode20150331v2, CreateFunction20150331,
// ListFunctions20150331. The date must look like 19xx/20xx so an ordinary name ending in digits
// is never truncated, and something must remain before it.
const LAMBDA_VERSION_SUFFIX_RE = /^(.+?)(?:19|20)\d{6}(?:v\d+)?$/;

export function normalizeEventName(eventName: string): string {
  // Nearly every name ends in a letter; skip the regex for them (this runs per record).
  const last = eventName.charCodeAt(eventName.length - 1);
  if (!(last >= 48 && last <= 57)) return eventName;
  const match = LAMBDA_VERSION_SUFFIX_RE.exec(eventName);
  return match ? (match[1] as string) : eventName;
}

const AMAZONAWS_SUFFIX_RE = /\.amazonaws\.com(?:\.cn)?$/i;

// "iam.amazonaws.com" -> "iam", "monitoring.amazonaws.com" -> "monitoring" (CloudWatch keeps its
// odd name: the eventSource is the identity rules match on, not the marketing name). Unusual sources
// ("health.aws.internal", bare names) keep their first label so the column is never empty.
export function serviceFromEventSource(eventSource: string): string {
  const stripped = eventSource.replace(AMAZONAWS_SUFFIX_RE, '');
  if (stripped !== eventSource) return stripped.toLowerCase();
  const dot = eventSource.indexOf('.');
  return (dot > 0 ? eventSource.slice(0, dot) : eventSource).toLowerCase();
}
