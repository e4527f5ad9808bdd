import Link from 'next/link';
import { Logo } from './icons';
import { SidebarNav } from './SidebarNav';

export function Sidebar() {
  return (
    <aside className="sticky top-0 flex print:hidden h-screen w-60 shrink-0 flex-col border-r border-line bg-surface">
      <div className="flex h-14 items-center border-b border-line px-5">
        <Link href="/overview" className="flex items-center gap-2.5 rounded-md">
          <Logo className="size-7" />
          <span className="text-[15px] font-semibold tracking-tight text-fg">Trailhound</span>
        </Link>
      </div>
      <SidebarNav />
    </aside>
  );
}
