'use client';

import { useEffect, useState } from 'react';
import { cx } from '@/components/ui/cx';
import { THEME_COOKIE } from '@/lib/auth/constants';
import type { ThemePreference } from '@/lib/theme';
import { MonitorIcon, MoonIcon, SunIcon } from './icons';

const OPTIONS = [
  { value: 'light', label: 'Light', icon: SunIcon },
  { value: 'dark', label: 'Dark', icon: MoonIcon },
  { value: 'system', label: 'System', icon: MonitorIcon },
] as const;

function applyTheme(preference: ThemePreference) {
  const dark =
    preference === 'dark' ||
    (preference === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
}

/**
 * Light / dark / system. The choice lives in a cookie (not localStorage) so the server renders
 * the right class on the next page load; public/theme-init.js covers "system" before paint.
 */
export function ThemeToggle({ initial }: { initial: ThemePreference }) {
  const [preference, setPreference] = useState<ThemePreference>(initial);

  useEffect(() => {
    if (preference !== 'system') return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [preference]);

  function choose(next: ThemePreference) {
    setPreference(next);
    // biome-ignore lint/suspicious/noDocumentCookie: a plain, non-sensitive preference the server must also read.
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    applyTheme(next);
  }

  return (
    <fieldset className="flex items-center rounded-lg border border-line bg-surface-muted p-0.5">
      <legend className="sr-only">Theme</legend>
      {OPTIONS.map(({ value, label, icon: Icon }) => (
        <label key={value} title={label} className="relative">
          {/* Transparent over the icon, so the real radio takes the click and keyboard focus. */}
          <input
            type="radio"
            name="theme"
            value={value}
            checked={preference === value}
            onChange={() => choose(value)}
            className="peer absolute inset-0 cursor-pointer opacity-0"
          />
          <span
            className={cx(
              'flex size-7 items-center justify-center rounded-md text-subtle transition-colors hover:text-fg',
              'peer-checked:bg-surface peer-checked:text-fg peer-checked:shadow-xs',
              'peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-focus',
            )}
          >
            <Icon className="size-4" />
          </span>
          <span className="sr-only">{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
