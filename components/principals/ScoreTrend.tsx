'use client';

import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { TOOLTIP_STYLE } from './chart-colors';

/** A small daily-score chart (0–100); days without activity are gaps, not zeros. */
export function ScoreTrend({
  points,
  label,
  height = 64,
}: {
  points: { day: string; riskScore: number | null }[];
  label: string;
  height?: number;
}) {
  return (
    <figure aria-label={label} style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={points} margin={{ top: 4, right: 2, bottom: 0, left: 2 }}>
          <XAxis dataKey="day" hide />
          <YAxis domain={[0, 100]} hide />
          <Tooltip
            formatter={(value) => [value ?? '—', 'risk']}
            contentStyle={TOOLTIP_STYLE}
            isAnimationActive={false}
          />
          <Area
            dataKey="riskScore"
            type="monotone"
            stroke="#e2571c"
            fill="#e2571c"
            fillOpacity={0.18}
            strokeWidth={2}
            connectNulls={false}
            dot={{ r: 2, fill: '#e2571c', strokeWidth: 0 }}
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}
