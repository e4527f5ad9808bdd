import type { ReactNode } from 'react';
import { cx } from '@/components/ui/cx';

// CloudTrail records are attacker-controlled: every key and value here becomes a React text
// node, never markup, so a <script> in a user agent reads as the text it is.

const TOKEN = {
  key: 'text-accent-soft-fg',
  string: 'text-success',
  number: 'text-sev-medium-fg',
  literal: 'text-sev-critical-fg',
  punctuation: 'text-subtle',
} as const;

function Token({ kind, children }: { kind: keyof typeof TOKEN; children: string }) {
  return <span className={TOKEN[kind]}>{children}</span>;
}

function renderValue(value: unknown, indent: string, out: ReactNode[], keyPath: string): void {
  if (value === null || typeof value === 'boolean') {
    out.push(
      <Token key={keyPath} kind="literal">
        {String(value)}
      </Token>,
    );
  } else if (typeof value === 'number') {
    out.push(
      <Token key={keyPath} kind="number">
        {String(value)}
      </Token>,
    );
  } else if (typeof value === 'string') {
    out.push(
      <Token key={keyPath} kind="string">
        {JSON.stringify(value)}
      </Token>,
    );
  } else if (Array.isArray(value) || typeof value === 'object') {
    const entries: [string | null, unknown][] = Array.isArray(value)
      ? value.map((item) => [null, item])
      : Object.entries(value as Record<string, unknown>);
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) {
      out.push(
        <Token key={keyPath} kind="punctuation">
          {open + close}
        </Token>,
      );
      return;
    }
    const inner = `${indent}  `;
    out.push(
      <Token key={`${keyPath}<`} kind="punctuation">
        {open}
      </Token>,
    );
    entries.forEach(([name, item], index) => {
      const path = `${keyPath}.${index}`;
      out.push(`\n${inner}`);
      if (name !== null) {
        out.push(
          <Token key={`${path}k`} kind="key">
            {JSON.stringify(name)}
          </Token>,
          ': ',
        );
      }
      renderValue(item, inner, out, path);
      if (index < entries.length - 1) out.push(',');
    });
    out.push(
      `\n${indent}`,
      <Token key={`${keyPath}>`} kind="punctuation">
        {close}
      </Token>,
    );
  } else {
    out.push(String(value));
  }
}

/** A JSON value pretty-printed with light syntax colouring; text nodes only. */
export function JsonView({
  value,
  className,
  label,
}: {
  value: unknown;
  className?: string;
  label?: string;
}) {
  const out: ReactNode[] = [];
  renderValue(value, '', out, 'r');
  const view = (
    <pre
      className={cx(
        'overflow-auto rounded-lg border border-line bg-surface-muted p-3 font-mono text-[12.5px] leading-5 whitespace-pre text-fg',
        className,
      )}
    >
      <code>{out}</code>
    </pre>
  );
  return label ? <section aria-label={label}>{view}</section> : view;
}
