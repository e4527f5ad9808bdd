import type { ComponentType, SVGProps } from 'react';
import {
  AccountsIcon,
  EventsIcon,
  FindingsIcon,
  GeoIcon,
  IngestIcon,
  InvestigationsIcon,
  OverviewIcon,
  PrincipalsIcon,
  SettingsIcon,
} from './icons';

export interface NavItem {
  href: string;
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
}

export const NAV_SECTIONS: Array<{ label: string; items: NavItem[] }> = [
  {
    label: 'Investigate',
    items: [
      { href: '/overview', label: 'Overview', icon: OverviewIcon },
      { href: '/principals', label: 'Principals', icon: PrincipalsIcon },
      { href: '/findings', label: 'Findings', icon: FindingsIcon },
      { href: '/events', label: 'Events', icon: EventsIcon },
      { href: '/geo', label: 'Geography', icon: GeoIcon },
      { href: '/accounts', label: 'Accounts', icon: AccountsIcon },
    ],
  },
  {
    label: 'Work',
    items: [
      { href: '/investigations', label: 'Investigations', icon: InvestigationsIcon },
      { href: '/ingest', label: 'Ingest', icon: IngestIcon },
    ],
  },
];

export const SETTINGS_ITEM: NavItem = { href: '/settings', label: 'Settings', icon: SettingsIcon };
