import Link from 'next/link';
import { Badge } from '@/components/ui/Badge';
import { Card, CardHeader } from '@/components/ui/Card';
import { THEAD_ROW } from '@/components/ui/table-classes';
import { formatUtc } from '@/lib/format';
import { principalHref } from '@/lib/links';
import type { AccessKeyPanel, AccessKeyUse } from '@/lib/queries/principals/get-access-keys';

const TH = 'px-3 py-2 font-medium';

function KeyRow({ accessKey, showUser }: { accessKey: AccessKeyUse; showUser: boolean }) {
  const created = accessKey.created;
  return (
    <tr className="align-top">
      <td className="py-2.5 pr-3 pl-5">
        <div className="font-mono text-[13px]">{accessKey.accessKeyId}</div>
        <Badge tone={accessKey.longLived ? 'neutral' : 'accent'} className="mt-1">
          {accessKey.longLived ? 'long-lived' : 'temporary'}
        </Badge>
      </td>
      {showUser ? (
        <td className="px-3 py-2.5">
          {accessKey.principalId ? (
            <Link href={principalHref(accessKey.principalId)} className="text-accent hover:underline">
              {accessKey.principalName}
            </Link>
          ) : (
            <span className="text-muted">not seen in use</span>
          )}
        </td>
      ) : null}
      <td className="px-3 py-2.5 text-xs">
        {created ? (
          <>
            <Link href={principalHref(created.creatorPrincipalId)} className="text-accent hover:underline">
              {created.creatorName}
            </Link>
            <div className="text-muted">{formatUtc(created.createdAt)}</div>
          </>
        ) : (
          <span className="text-muted">before the loaded trails</span>
        )}
      </td>
      <td className="px-3 py-2.5 text-xs">
        {accessKey.firstUse && accessKey.lastUse ? (
          <>
            <div>{formatUtc(accessKey.firstUse)}</div>
            <div className="text-muted">to {formatUtc(accessKey.lastUse)}</div>
          </>
        ) : (
          <span className="text-muted">never used</span>
        )}
      </td>
      <td className="px-3 py-2.5 text-right tabular-nums">{accessKey.calls.toLocaleString('en')}</td>
      <td className="py-2.5 pr-5 pl-3 font-mono text-xs">{accessKey.ips.join(', ') || '—'}</td>
    </tr>
  );
}

function KeyTable({ keys, showUser, label }: { keys: AccessKeyUse[]; showUser: boolean; label: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label={label}>
        <thead>
          <tr className={THEAD_ROW}>
            <th scope="col" className="py-2 pr-3 pl-5 font-medium">
              Key
            </th>
            {showUser ? (
              <th scope="col" className={TH}>
                Used by
              </th>
            ) : null}
            <th scope="col" className={TH}>
              Created by
            </th>
            <th scope="col" className={TH}>
              First and last use
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Calls
            </th>
            <th scope="col" className="py-2 pr-5 pl-3 font-medium">
              From
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {keys.map((key) => (
            <KeyRow key={key.accessKeyId} accessKey={key} showUser={showUser} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The access keys this principal signed with and the keys it created, with who made each. */
export function AccessKeysPanel({ keys }: { keys: AccessKeyPanel }) {
  return (
    <Card aria-labelledby="keys-heading">
      <CardHeader
        id="keys-heading"
        title="Access keys"
        description="Who created each key, when, its first and last use, and from which addresses."
      />
      {keys.created.length > 0 ? (
        <>
          <h3 className="px-5 pt-3 pb-2 text-xs font-semibold tracking-wide text-muted uppercase">
            Keys it created
          </h3>
          <KeyTable keys={keys.created} showUser label="Keys it created" />
        </>
      ) : null}
      <h3 className="px-5 pt-3 pb-2 text-xs font-semibold tracking-wide text-muted uppercase">
        Keys it used
      </h3>
      {keys.used.length > 0 ? (
        <KeyTable keys={keys.used} showUser={false} label="Keys it used" />
      ) : (
        <p className="px-5 pb-4 text-sm text-muted">No calls signed with an access key.</p>
      )}
    </Card>
  );
}
