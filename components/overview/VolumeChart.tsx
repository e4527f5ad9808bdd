'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCompact, formatNumber, formatUtc, formatUtcDate, formatUtcTime } from '@/lib/format';
import type { VolumeSeries } from '@/lib/queries/overview/get-volume-series';
import { DENIED_COLOUR, ERROR_COLOUR, OTHER_COLOUR, SERIES_COLOURS } from './chart-colours';

const HOUR_MS = 3_600_000;

interface Props {
  series: VolumeSeries;
  /** Display names of the series keys ('' is shown as "(none)"). */
  labels: Record<string, string>;
}

type Row = Record<string, number | string>;

function indexOf(state: { activeTooltipIndex?: unknown }): number | null {
  const index = Number(state.activeTooltipIndex);
  return Number.isInteger(index) && index >= 0 ? index : null;
}

/**
 * Events per bucket, stacked by the chosen grouping, with errors and AccessDenied drawn over
 * them. Dragging across the chart selects a range and puts it in the URL as from/to, which
 * every widget on the page reads.
 */
export function VolumeChart({ series, labels }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);

  const colourOf = (key: string, index: number) =>
    key === 'Other' ? OTHER_COLOUR : SERIES_COLOURS[index % SERIES_COLOURS.length];
  const rows = useMemo<Row[]>(
    () =>
      series.buckets.map((bucket) => {
        const row: Row = { start: bucket.start, errors: bucket.errors, denied: bucket.accessDenied };
        series.keys.forEach((key, index) => {
          row[`s${index}`] = bucket.counts[key] ?? 0;
        });
        return row;
      }),
    [series],
  );
  const multiDay = series.buckets.length > 0 && series.stepHours * series.buckets.length > 48;

  function commit(a: number, b: number) {
    const first = series.buckets[Math.min(a, b)];
    const last = series.buckets[Math.max(a, b)];
    if (!first || !last) return;
    const params = new URLSearchParams(searchParams.toString());
    params.set('from', first.start);
    params.set('to', new Date(Date.parse(last.start) + series.stepHours * HOUR_MS).toISOString());
    router.push(`${pathname}?${params.toString()}`, { scroll: false });
  }

  return (
    <div>
      <div className="h-72 select-none" data-testid="volume-chart">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={rows}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            barCategoryGap={1}
            onMouseDown={(state) => {
              const index = indexOf(state);
              if (index !== null) setDrag({ start: index, end: index });
            }}
            onMouseMove={(state) => {
              const index = indexOf(state);
              if (drag && index !== null) setDrag({ ...drag, end: index });
            }}
            onMouseUp={() => {
              if (drag) commit(drag.start, drag.end);
              setDrag(null);
            }}
            onMouseLeave={() => setDrag(null)}
          >
            <CartesianGrid vertical={false} stroke="var(--th-line)" />
            <XAxis
              dataKey="start"
              tickFormatter={(value: string) => (multiDay ? formatUtcDate(value) : formatUtcTime(value))}
              tick={{ fill: 'var(--th-muted)', fontSize: 12 }}
              stroke="var(--th-line-strong)"
              minTickGap={40}
            />
            <YAxis
              tickFormatter={formatCompact}
              tick={{ fill: 'var(--th-muted)', fontSize: 12 }}
              stroke="var(--th-line-strong)"
              width={48}
              allowDecimals={false}
            />
            <Tooltip
              cursor={{ fill: 'var(--th-surface-hover)', opacity: 0.6 }}
              contentStyle={{
                background: 'var(--th-surface)',
                border: '1px solid var(--th-line-strong)',
                borderRadius: 8,
                fontSize: 12,
              }}
              labelStyle={{ color: 'var(--th-fg)', fontWeight: 600 }}
              labelFormatter={(value) => formatUtc(String(value))}
              formatter={(value, name) => [formatNumber(Number(value)), name]}
            />
            {series.keys.map((key, index) => (
              <Bar
                key={key}
                dataKey={`s${index}`}
                name={labels[key] ?? key}
                stackId="events"
                fill={colourOf(key, index)}
                isAnimationActive={false}
              />
            ))}
            <Line
              dataKey="errors"
              name="Errors"
              stroke={ERROR_COLOUR}
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="denied"
              name="AccessDenied"
              stroke={DENIED_COLOUR}
              strokeDasharray="4 3"
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
            />
            {drag ? (
              <ReferenceArea
                x1={rows[Math.min(drag.start, drag.end)]?.start as string}
                x2={rows[Math.max(drag.start, drag.end)]?.start as string}
                fill="var(--th-accent)"
                fillOpacity={0.15}
                stroke="var(--th-accent)"
              />
            ) : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-muted" aria-label="Legend">
        {series.keys.map((key, index) => (
          <li key={key} className="inline-flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="size-2.5 rounded-sm"
              style={{ background: colourOf(key, index) }}
            />
            {labels[key] ?? key}
          </li>
        ))}
        <li className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="h-0.5 w-3" style={{ background: ERROR_COLOUR }} />
          Errors
        </li>
        <li className="inline-flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="h-0 w-3 border-t-2 border-dashed"
            style={{ borderColor: DENIED_COLOUR }}
          />
          AccessDenied
        </li>
      </ul>
    </div>
  );
}
