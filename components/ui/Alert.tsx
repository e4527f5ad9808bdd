import type { ReactNode } from 'react';
import { cx } from './cx';

const TONES = {
  error: 'border-danger/30 bg-danger-soft text-danger',
  success: 'border-success/30 bg-success-soft text-success',
  info: 'border-line bg-surface-muted text-fg',
} as const;

/** Errors are announced at once (role=alert); successes and notes politely (role=status). */
export function Alert({
  tone,
  children,
  className,
}: {
  tone: keyof typeof TONES;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cx('rounded-lg border px-3.5 py-2.5 text-sm leading-5', TONES[tone], className)}
    >
      {children}
    </div>
  );
}
