'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cx } from '@/components/ui/cx';
import { NAV_SECTIONS, type NavItem, SETTINGS_ITEM } from './nav-items';

function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

function NavLink({ item, active }: { item: NavItem; active: boolean }) {
  const Icon = item.icon;
  return (
    <Link
      href={item.href}
      aria-current={active ? 'page' : undefined}
      className={cx(
        'group flex h-9 items-center gap-3 rounded-lg px-3 text-sm transition-colors',
        active
          ? 'bg-accent-soft font-medium text-accent-soft-fg'
          : 'text-muted hover:bg-surface-hover hover:text-fg',
      )}
    >
      <Icon
        className={cx('size-[18px] shrink-0', active ? 'text-accent' : 'text-subtle group-hover:text-muted')}
      />
      {item.label}
    </Link>
  );
}

/** The only client part of the sidebar: it needs the current path to mark the active link. */
export function SidebarNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-1 flex-col px-3 py-4">
      <div className="space-y-6">
        {NAV_SECTIONS.map((section) => (
          <div key={section.label}>
            <p className="mb-1.5 px-3 text-[11px] font-semibold tracking-wider text-subtle uppercase">
              {section.label}
            </p>
            <ul className="space-y-0.5">
              {section.items.map((item) => (
                <li key={item.href}>
                  <NavLink item={item} active={isActive(pathname, item.href)} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <div className="mt-auto border-t border-line pt-3">
        <NavLink item={SETTINGS_ITEM} active={isActive(pathname, SETTINGS_ITEM.href)} />
      </div>
    </nav>
  );
}
