import { Badge } from '@/components/ui/Badge';
import type { Role } from '@/lib/auth/roles';
import type { ThemePreference } from '@/lib/theme';
import { SignOutButton } from './SignOutButton';
import { ThemeToggle } from './ThemeToggle';

const ROLE_TONE = { admin: 'accent', analyst: 'neutral', viewer: 'neutral' } as const;

export function Header({ email, role, theme }: { email: string; role: Role; theme: ThemePreference }) {
  return (
    <header className="sticky top-0 z-10 flex print:hidden h-14 shrink-0 items-center justify-end gap-4 border-b border-line bg-surface/90 px-8 backdrop-blur">
      <ThemeToggle initial={theme} />
      <div className="h-6 w-px bg-line" aria-hidden="true" />
      <div className="flex items-center gap-2.5">
        <span className="sr-only">Signed in as</span>
        <span
          aria-hidden="true"
          className="flex size-7 items-center justify-center rounded-full bg-accent-soft text-xs font-semibold text-accent-soft-fg uppercase"
        >
          {email.charAt(0)}
        </span>
        <span className="max-w-56 truncate text-sm text-fg" title={email}>
          {email}
        </span>
        <Badge tone={ROLE_TONE[role]}>{role}</Badge>
      </div>
      <SignOutButton />
    </header>
  );
}
