import { Badge } from '@/components/ui/Badge';
import { TABLE, THEAD_ROW } from '@/components/ui/table-classes';
import type { UserSummary } from '@/lib/auth/users';
import { formatUtcDate, formatUtcTime } from '@/lib/format';
import { RoleForm } from './RoleForm';
import { UserRowActions } from './UserRowActions';

/** Lets a long address wrap before the "@" rather than mid-word. */
function EmailText({ email }: { email: string }) {
  const at = email.lastIndexOf('@');
  if (at <= 0) return email;
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}

function UtcDateTime({ value }: { value: Date }) {
  return (
    <time dateTime={value.toISOString()} className="block leading-5">
      <span className="block text-fg">{formatUtcDate(value)}</span>
      <span className="block text-[13px] text-muted">{formatUtcTime(value)}</span>
    </time>
  );
}

export function UsersTable({ users, currentUserId }: { users: UserSummary[]; currentUserId: string }) {
  return (
    <div className="overflow-x-auto">
      <table className={TABLE}>
        <thead>
          <tr className={THEAD_ROW}>
            <th scope="col" className="px-5 py-2.5 font-medium">
              User
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Role
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Last sign-in
            </th>
            <th scope="col" className="py-2.5 pr-5 pl-3 text-right font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {users.map((user) => {
            const isSelf = user.id === currentUserId;
            return (
              <tr key={user.id} className="align-top">
                <th scope="row" className="min-w-48 px-5 py-3.5 text-left font-normal">
                  <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <span className="font-medium [overflow-wrap:anywhere] text-fg">
                      <EmailText email={user.email} />
                    </span>
                    {isSelf ? <Badge tone="accent">You</Badge> : null}
                  </span>
                  <span className="mt-0.5 block text-[13px] text-muted">
                    Added {formatUtcDate(user.createdAt)}
                  </span>
                </th>
                <td className="px-3 py-3">
                  <RoleForm userId={user.id} email={user.email} role={user.role} />
                </td>
                <td className="px-3 py-3.5">
                  {user.disabled ? <Badge>Disabled</Badge> : <Badge tone="success">Active</Badge>}
                  <span className="mt-1 block text-[13px] whitespace-nowrap text-muted">
                    {user.activeSessions} {user.activeSessions === 1 ? 'session' : 'sessions'}
                  </span>
                </td>
                <td className="px-3 py-3.5 whitespace-nowrap">
                  {user.lastLoginAt ? (
                    <UtcDateTime value={user.lastLoginAt} />
                  ) : (
                    <span className="text-muted">Never</span>
                  )}
                </td>
                <td className="py-3 pr-5 pl-3">
                  <UserRowActions
                    userId={user.id}
                    email={user.email}
                    disabled={user.disabled}
                    isSelf={isSelf}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
