import Link from 'next/link';
import { cx } from '@/components/ui/cx';

const TABS = [
  { href: '/settings', label: 'Account', adminOnly: false },
  { href: '/settings/users', label: 'Users', adminOnly: true },
  { href: '/settings/detection', label: 'Detection', adminOnly: false },
] as const;

export function SettingsTabs({
  active,
  isAdmin,
}: {
  active: (typeof TABS)[number]['href'];
  isAdmin: boolean;
}) {
  return (
    <nav aria-label="Settings sections" className="mb-6 border-b border-line">
      <ul className="-mb-px flex gap-6">
        {TABS.filter((tab) => isAdmin || !tab.adminOnly).map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.href === active ? 'page' : undefined}
              className={cx(
                'inline-block border-b-2 pb-2.5 text-sm font-medium transition-colors',
                tab.href === active ? 'border-accent text-fg' : 'border-transparent text-muted hover:text-fg',
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
