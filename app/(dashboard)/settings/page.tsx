import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/settings/ChangePasswordForm';
import { SettingsTabs } from '@/components/settings/SettingsTabs';
import { Badge } from '@/components/ui/Badge';
import { Card, CardBody, CardHeader } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageSession } from '@/lib/auth/guards';
import { ROLE_DESCRIPTIONS } from '@/lib/auth/roles';
import { formatUtc } from '@/lib/format';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const session = await requirePageSession();
  const details = [
    { term: 'Email', value: session.email },
    {
      term: 'Role',
      value: (
        <>
          <Badge tone={session.role === 'admin' ? 'accent' : 'neutral'}>{session.role}</Badge>
          <span className="mt-1 block text-[13px] text-muted">{ROLE_DESCRIPTIONS[session.role]}</span>
        </>
      ),
    },
    { term: 'Signed in', value: formatUtc(session.createdAt) },
    {
      term: 'Session expires',
      value: (
        <>
          {formatUtc(session.expiresAt)}
          <span className="mt-1 block text-[13px] text-muted">
            Extends while you use Trailhound, up to 7 days after signing in.
          </span>
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="Settings" description="Your account, and for admins, who can use this Trailhound." />
      <SettingsTabs active="/settings" isAdmin={session.role === 'admin'} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card aria-labelledby="account-heading">
          <CardHeader id="account-heading" title="Your account" />
          <CardBody>
            <dl className="space-y-4 text-sm">
              {details.map((item) => (
                <div key={item.term}>
                  <dt className="text-[13px] font-medium text-muted">{item.term}</dt>
                  <dd className="mt-0.5 text-fg">{item.value}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
        <Card aria-labelledby="password-heading">
          <CardHeader
            id="password-heading"
            title="Change password"
            description="Your other sessions are signed out when the password changes."
          />
          <CardBody>
            <ChangePasswordForm email={session.email} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
