import { requireApiSession } from '@/lib/auth/guards';
import { getPool } from '@/lib/db/pg-pool';
import { EXPORT_ROLES, type ExportFormat, exportEventsStream } from '@/lib/export/event-export';
import { parseEventsQuery } from '@/lib/queries/events/event-filters';

const FORMATS: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * GET /api/events/export?format=csv|json&<explorer filters>: every event of the filter, streamed.
 * Analysts and admins only. The filter is parsed exactly as the explorer page parses it; a value
 * that does not parse is refused rather than dropped, so an export is never broader than asked.
 */
export async function GET(request: Request) {
  const session = await requireApiSession(request, EXPORT_ROLES);
  if (session instanceof Response) return session;
  const params = new URL(request.url).searchParams;
  const format = params.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') {
    return Response.json(
      { error: 'invalid_format', message: 'format must be csv or json.' },
      { status: 400, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  const { filters, view, invalid } = parseEventsQuery(params);
  if (invalid.length > 0) {
    return Response.json(
      {
        error: 'invalid_filter',
        message: `These filters could not be read: ${invalid.join(', ')}.`,
        invalid,
      },
      { status: 400, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return new Response(exportEventsStream(getPool(), format, filters, view), {
    headers: {
      'Content-Type': FORMATS[format],
      'Content-Disposition': `attachment; filename="trailhound-events-${stamp}.${format}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
