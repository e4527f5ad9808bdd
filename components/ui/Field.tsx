import type { ComponentProps, ReactNode } from 'react';
import { cx } from './cx';

const CONTROL_BASE =
  'block rounded-lg border bg-surface px-3 text-sm text-fg shadow-xs placeholder:text-subtle ' +
  'focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/25 disabled:opacity-60';

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}

const CONTROL = `${CONTROL_BASE} w-full`;

function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-[13px] text-danger">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-[13px] text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = Omit<ComponentProps<'input'>, 'id'> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  id?: string;
};

export function TextField({ id, name, label, hint, error, className, ...input }: TextFieldProps) {
  const fieldId = id ?? `field-${name}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      <input
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : hint ? `${fieldId}-hint` : undefined}
        className={cx(CONTROL, 'h-9', error ? 'border-danger' : 'border-line-strong', className)}
        {...input}
      />
    </FieldShell>
  );
}

type SelectFieldProps = Omit<ComponentProps<'select'>, 'id'> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  id?: string;
};

export function SelectField({
  id,
  name,
  label,
  hint,
  error,
  className,
  children,
  ...select
}: SelectFieldProps) {
  const fieldId = id ?? `field-${name}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      <select
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        className={cx(CONTROL, 'h-9 pr-8', error ? 'border-danger' : 'border-line-strong', className)}
        {...select}
      >
        {children}
      </select>
    </FieldShell>
  );
}

/** The bare select look, for compact controls inside tables; the caller sets the width. */
export const selectClasses = cx(CONTROL_BASE, 'h-8 border-line-strong pr-7 text-[13px]');
