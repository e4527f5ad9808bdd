'use client';

import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

/**
 * A GET form that leaves empty fields out of the URL it navigates to ("?severity=high" rather
 * than "?severity=high&rule=&account=..."). Without JavaScript it submits as a normal GET form.
 */
export function CleanGetForm({
  action,
  ...props
}: Omit<ComponentProps<'form'>, 'action' | 'method'> & { action: string }) {
  const router = useRouter();
  return (
    <form
      {...props}
      method="get"
      action={action}
      onSubmit={(event) => {
        event.preventDefault();
        const query = new URLSearchParams();
        for (const [key, value] of new FormData(event.currentTarget)) {
          if (typeof value === 'string' && value !== '') query.set(key, value);
        }
        const text = query.toString();
        router.push(text ? `${action}?${text}` : action);
      }}
    />
  );
}
