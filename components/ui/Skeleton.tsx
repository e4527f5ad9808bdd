import { cx } from './cx';

/** A grey placeholder block for loading.tsx screens. */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={cx('animate-pulse rounded-lg bg-surface-hover motion-reduce:animate-none', className)}
    />
  );
}
