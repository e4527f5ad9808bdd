import type { Metadata } from 'next';
import { AddUserForm } from '@/components/settings/AddUserForm';
import { SettingsTabs } from '@/components/settings/SettingsTabs';
import { UsersTable } from '@/components/settings/UsersTable';
import { Card, CardBody, CardHeader } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageSession } from '@/lib/auth/guards';
import { listUsers } from '@/lib/auth/users';

export const metadata: Metadata = { title: 'Users' };

// Admin only: other roles get the 403 page from forbidden(), and every action re-checks the role.
export default async function UsersPage() {
  const session = await requirePageSession(['admin']);
  const users = await listUsers();
  return (
    <>
      <PageHeader title="Settings" description="Your account, and for admins, who can use this Trailhound." />
      <SettingsTabs active="/settings/users" isAdmin />
      <div className="space-y-6">
        <Card aria-labelledby="add-user-heading">
          <CardHeader
            id="add-user-heading"
            title="Add a user"
            description="Trailhound generates a password and shows it once, for you to hand over."
          />
          <CardBody>
            <AddUserForm />
          </CardBody>
        </Card>
        <Card aria-labelledby="users-heading">
          <CardHeader
            id="users-heading"
            title="Users"
            description={`${users.length} ${users.length === 1 ? 'account' : 'accounts'}. Disabling an account or resetting its password signs it out everywhere.`}
          />
          <UsersTable users={users} currentUserId={session.userId} />
        </Card>
      </div>
    </>
  );
}
