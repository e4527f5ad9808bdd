'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatUtc } from '@/lib/format';
import { hrefWith } from '@/lib/principals/href-with';
import type { ActivityHistogram as Histogram } from '@/lib/queries/principals/get-activity-histogram';
import { DENIED_COLOR, ERROR_COLOR, SERIES_COLORS, TOOLTIP_STYLE } from './chart-colors';

const DAY = 86_400_000;

function tickLabel(start: number, bucketMs: number): string {
  const iso = new Date(start).toISOString();
  return bucketMs >= DAY ? iso.slice(5, 10) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}

/**
 * Calls per bucket stacked by service, with error and access-denied counts drawn over them.
 * Dragging across bars selects a range; letting go zooms the scope to it (a new URL, so back
 * returns to the wider view). `scopeHref` builds the URL for a new scope.
 */
export function ActivityHistogram({
  histogram,
  zoomHrefBase,
}: {
  histogram: Histogram;
  /** The current URL's parameters; the zoom replaces from/to and the timeline page. */
  zoomHrefBase: string;
}) {
  const router = useRouter();
  const [dragStart, setDragStart] = useState<number | null>(null);
  const [dragEnd, setDragEnd] = useState<number | null>(null);
  const data = histogram.buckets.map((bucket) => ({
    ...bucket.byService,
    start: bucket.start,
    errors: bucket.errors || null,
    denied: bucket.denied || null,
    total: bucket.total,
  }));
  const total = histogram.buckets.reduce((sum, b) => sum + b.total, 0);
  const errors = histogram.buckets.reduce((sum, b) => sum + b.errors, 0);
  const denied = histogram.buckets.reduce((sum, b) => sum + b.denied, 0);

  function finishDrag() {
    if (dragStart !== null && dragEnd !== null && dragStart !== dragEnd) {
      const [a, b] = dragStart < dragEnd ? [dragStart, dragEnd] : [dragEnd, dragStart];
      const zoomed = hrefWith(zoomHrefBase, {
        from: new Date(a).toISOString(),
        to: new Date(b + histogram.bucketMs).toISOString(),
        tpage: undefined,
        around: undefined,
      });
      router.push(zoomed, { scroll: false });
    }
    setDragStart(null);
    setDragEnd(null);
  }

  const indexToStart = (index: unknown) =>
    typeof index === 'number'
      ? (histogram.buckets[index]?.start ?? null)
      : typeof index === 'string'
        ? (histogram.buckets[Number(index)]?.start ?? null)
        : null;

  return (
    <figure
      aria-label={`Activity histogram: ${total} calls, ${errors} errors, ${denied} access denied`}
      data-testid="activity-histogram"
      data-total={total}
      className="select-none"
    >
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: -12 }}
            onMouseDown={(state) => {
              const start = indexToStart(state?.activeTooltipIndex);
              setDragStart(start);
              setDragEnd(start);
            }}
            onMouseMove={(state) => {
              if (dragStart !== null) setDragEnd(indexToStart(state?.activeTooltipIndex) ?? dragEnd);
            }}
            onMouseUp={finishDrag}
            onMouseLeave={() => dragStart !== null && finishDrag()}
          >
            <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.1} />
            <XAxis
              dataKey="start"
              tickFormatter={(value: number) => tickLabel(value, histogram.bucketMs)}
              tick={{ fontSize: 11, fill: 'currentColor' }}
              minTickGap={24}
              stroke="currentColor"
              strokeOpacity={0.3}
            />
            <YAxis
              allowDecimals={false}
              tick={{ fontSize: 11, fill: 'currentColor' }}
              stroke="currentColor"
              strokeOpacity={0.3}
            />
            <Tooltip
              labelFormatter={(value) => formatUtc(Number(value))}
              contentStyle={TOOLTIP_STYLE}
              isAnimationActive={false}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {histogram.services.map((service, index) => (
              <Bar
                key={service}
                dataKey={service}
                stackId="calls"
                fill={SERIES_COLORS[index % SERIES_COLORS.length]}
                isAnimationActive={false}
              />
            ))}
            <Line
              dataKey="errors"
              name="errors"
              stroke={ERROR_COLOR}
              strokeWidth={0}
              dot={{ r: 3, fill: ERROR_COLOR }}
              isAnimationActive={false}
            />
            <Line
              dataKey="denied"
              name="access denied"
              stroke={DENIED_COLOR}
              strokeWidth={0}
              dot={{ r: 4, fill: DENIED_COLOR, stroke: 'white', strokeWidth: 1 }}
              isAnimationActive={false}
            />
            {dragStart !== null && dragEnd !== null ? (
              <ReferenceArea x1={dragStart} x2={dragEnd} fill="#4f7df0" fillOpacity={0.15} />
            ) : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 text-xs text-muted">
        {total.toLocaleString('en')} calls · {errors.toLocaleString('en')} errors ·{' '}
        {denied.toLocaleString('en')} access denied. Drag across the bars to zoom into that time.
      </figcaption>
    </figure>
  );
}
