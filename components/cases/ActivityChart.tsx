// Events per day as an SVG bar chart. Plain SVG rather than recharts: it renders on the server,
// prints crisply in the PDF report and needs no JavaScript on a share page.

const WIDTH = 640;
const HEIGHT = 140;
const PAD = { top: 10, right: 8, bottom: 22, left: 36 };

export function ActivityChart({
  days,
  title = 'Events per day (UTC)',
}: {
  days: { day: string; events: number }[];
  title?: string;
}) {
  if (days.length === 0) return <p className="text-sm text-muted">No events in this case yet.</p>;
  const max = Math.max(...days.map((day) => day.events), 1);
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerWidth / days.length;
  const barWidth = Math.max(1, Math.min(28, slot * 0.75));
  const total = days.reduce((sum, day) => sum + day.events, 0);
  const labelEvery = Math.ceil(days.length / 8);
  const first = days[0];
  const last = days.at(-1);
  return (
    <figure className="text-muted">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${title}: ${total.toLocaleString('en-US')} events from ${first?.day} to ${last?.day}, at most ${max.toLocaleString('en-US')} a day`}
        className="h-auto w-full max-w-3xl"
      >
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={PAD.top + innerHeight}
          y2={PAD.top + innerHeight}
          stroke="currentColor"
          strokeOpacity={0.3}
        />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize={10} fill="currentColor">
          {max.toLocaleString('en-US')}
        </text>
        <text x={PAD.left - 6} y={PAD.top + innerHeight} textAnchor="end" fontSize={10} fill="currentColor">
          0
        </text>
        {days.map((day, index) => {
          const height = (day.events / max) * innerHeight;
          const x = PAD.left + index * slot + (slot - barWidth) / 2;
          return (
            <g key={day.day}>
              <rect
                x={x}
                y={PAD.top + innerHeight - height}
                width={barWidth}
                height={height}
                rx={1.5}
                className="fill-accent"
              >
                <title>{`${day.day}: ${day.events.toLocaleString('en-US')} events`}</title>
              </rect>
              {index % labelEvery === 0 ? (
                <text
                  x={x + barWidth / 2}
                  y={HEIGHT - 6}
                  textAnchor="middle"
                  fontSize={10}
                  fill="currentColor"
                >
                  {day.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 text-xs">{title}</figcaption>
    </figure>
  );
}
