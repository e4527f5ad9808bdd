// Skeleton while the detection settings load: the three cards' outlines.
export default function Loading() {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label="Loading detection settings"
      className="animate-pulse space-y-6"
    >
      <div className="h-8 w-48 rounded-lg bg-surface-muted" />
      <div className="h-9 w-80 rounded-lg bg-surface-muted" />
      {[40, 56, 72].map((height) => (
        <div key={height} className="rounded-xl border border-line bg-surface p-5">
          <div className="mb-4 h-5 w-40 rounded bg-surface-muted" />
          <div className="rounded-lg bg-surface-muted" style={{ height: `${height * 4}px` }} />
        </div>
      ))}
    </div>
  );
}
