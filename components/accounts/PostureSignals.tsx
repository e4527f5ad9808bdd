import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/Badge';
import { Card, CardHeader } from '@/components/ui/Card';
import { formatUtc, formatUtcDate } from '@/lib/format';
import { principalHref } from '@/lib/links';
import type { AccountPosture } from '@/lib/queries/accounts/get-account-posture';
import type { PostureSignal } from '@/lib/scores';
import { POSTURE_WHY, STATUS_LABEL } from './posture-text';

const TONE: Record<PostureSignal['status'], BadgeTone> = {
  ok: 'success',
  warning: 'accent',
  alert: 'danger',
};
const LONG_LIVED_AGE_DAYS = 90;
const DAY = 86_400_000;

const LOGGING_SIGNAL: Partial<Record<PostureSignal['id'], string>> = {
  cloudtrail_disabled: 'CloudTrail',
  guardduty_disabled: 'GuardDuty',
  config_disabled: 'Config',
};

function Detail({ signal, posture }: { signal: PostureSignal; posture: AccountPosture }) {
  const li = 'py-1';
  switch (signal.id) {
    case 'root_usage':
      return posture.root.calls > 0 ? (
        <p>
          {posture.root.calls.toLocaleString('en')} calls, {posture.root.consoleLogins} console sign-ins
          {posture.root.ips.length ? `, from ${posture.root.ips.join(', ')}` : ''}.{' '}
          {posture.root.principalId ? (
            <Link href={principalHref(posture.root.principalId)} className="text-accent hover:underline">
              Open the root user
            </Link>
          ) : null}
        </p>
      ) : null;
    case 'console_without_mfa':
      return posture.consoleWithoutMfa.length ? (
        <ul>
          {posture.consoleWithoutMfa.map((row) => (
            <li key={row.principalId} className={li}>
              <Link href={principalHref(row.principalId)} className="text-accent hover:underline">
                {row.name}
              </Link>{' '}
              — {row.logins} sign-in{row.logins === 1 ? '' : 's'}, last {formatUtc(row.lastLogin)}
            </li>
          ))}
        </ul>
      ) : null;
    case 'long_lived_keys':
      return posture.longLivedKeys.length ? (
        <ul>
          {posture.longLivedKeys.slice(0, 10).map((key) => {
            const old =
              !key.createdAt || key.lastUse.getTime() - key.createdAt.getTime() > LONG_LIVED_AGE_DAYS * DAY;
            return (
              <li key={key.accessKeyId} className={li}>
                <span className="font-mono">{key.accessKeyId}</span> of{' '}
                <Link href={principalHref(key.principalId)} className="text-accent hover:underline">
                  {key.name}
                </Link>
                , last used {formatUtcDate(key.lastUse)}
                {key.createdAt ? `, created ${formatUtcDate(key.createdAt)}` : ', created before these logs'}
                {old ? (
                  <Badge tone="accent" className="ml-1.5">
                    {key.createdAt ? `older than ${LONG_LIVED_AGE_DAYS} days` : 'age unknown'}
                  </Badge>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null;
    default: {
      const service = LOGGING_SIGNAL[signal.id];
      const changes = posture.loggingChanges.filter((change) => change.service === service);
      return changes.length ? (
        <ul>
          {changes.map((change) => (
            <li key={change.eventId} className={li}>
              <span className="font-mono">{change.eventName}</span> by{' '}
              <Link
                href={principalHref(change.principalId, { around: change.eventId })}
                className="text-accent hover:underline"
              >
                {change.principalName}
              </Link>{' '}
              on {formatUtc(change.eventTime)}
              {change.region ? ` in ${change.region}` : ''} —{' '}
              {change.restored ? (
                'switched back on later'
              ) : (
                <strong className="text-danger">not switched back on</strong>
              )}
            </li>
          ))}
        </ul>
      ) : null;
    }
  }
}

/** Posture read from the logs: one row per signal, its status, why it matters and who or what. */
export function PostureSignals({ signals, posture }: { signals: PostureSignal[]; posture: AccountPosture }) {
  return (
    <Card aria-labelledby="posture-heading" className="break-inside-avoid">
      <CardHeader
        id="posture-heading"
        title="Security posture"
        description="Habits and settings read from the account’s own logs."
      />
      <ul className="divide-y divide-line">
        {signals.map((signal) => (
          <li
            key={signal.id}
            className="grid gap-2 px-5 py-4 sm:grid-cols-[7rem_minmax(0,1fr)]"
            data-signal={signal.id}
          >
            <div>
              <Badge tone={TONE[signal.status]}>{STATUS_LABEL[signal.status]}</Badge>
            </div>
            <div className="min-w-0 space-y-1 text-sm">
              <div className="font-medium text-fg">
                {signal.label}
                {signal.count > 0 ? (
                  <span className="ml-2 font-normal text-muted">
                    {signal.count.toLocaleString('en')} {signal.count === 1 ? 'time' : 'times'}
                    {signal.lastSeen ? `, last ${formatUtc(signal.lastSeen)}` : ''}
                  </span>
                ) : (
                  <span className="ml-2 font-normal text-muted">not seen</span>
                )}
              </div>
              <p className="text-muted">{POSTURE_WHY[signal.id]}</p>
              {signal.status !== 'ok' ? (
                <div className="text-[13px] text-fg">
                  <Detail signal={signal} posture={posture} />
                </div>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Signals from the detail queries alone, for accounts the scores step has not summarised yet. */
export function signalsFromPosture(posture: AccountPosture): PostureSignal[] {
  const signal = (
    id: PostureSignal['id'],
    label: string,
    count: number,
    alert: boolean,
    last: Date | null,
  ): PostureSignal => ({
    id,
    label,
    status: count === 0 ? 'ok' : alert ? 'alert' : 'warning',
    count,
    lastSeen: last ? last.toISOString() : null,
    evidence: [],
  });
  const logging = (service: string) => posture.loggingChanges.filter((change) => change.service === service);
  const lastOf = (dates: Date[]) =>
    dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
  return [
    signal('root_usage', 'The root user was used', posture.root.calls, false, posture.root.lastUsed),
    signal(
      'console_without_mfa',
      'Console sign-ins without MFA',
      posture.consoleWithoutMfa.reduce((n, row) => n + row.logins, 0),
      false,
      lastOf(posture.consoleWithoutMfa.map((row) => row.lastLogin)),
    ),
    signal(
      'long_lived_keys',
      'Long-lived access keys in use',
      posture.longLivedKeys.length,
      false,
      lastOf(posture.longLivedKeys.map((key) => key.lastUse)),
    ),
    ...(['CloudTrail', 'GuardDuty', 'Config'] as const).map((service) => {
      const changes = logging(service);
      const id = `${service.toLowerCase()}_disabled` as PostureSignal['id'];
      const labels = {
        CloudTrail: 'CloudTrail logging stopped or a trail deleted',
        GuardDuty: 'GuardDuty detector deleted or disabled',
        Config: 'AWS Config recording stopped or deleted',
      };
      return signal(id, labels[service], changes.length, true, lastOf(changes.map((c) => c.eventTime)));
    }),
  ];
}
