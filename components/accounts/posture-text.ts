import type { PostureSignal } from '@/lib/scores';

/** Why each posture signal matters, in words for someone who does not read CloudTrail. */
export const POSTURE_WHY: Record<PostureSignal['id'], string> = {
  root_usage:
    'The root user can do anything in the account and cannot be limited. Day-to-day work should never use it; any use deserves a question.',
  console_without_mfa:
    'Someone signed in to the AWS console with a password alone. A stolen or guessed password is then enough to get in.',
  long_lived_keys:
    'Long-lived access keys never expire on their own, and leaked keys are the most common way into AWS accounts. Keys older than 90 days should be replaced.',
  cloudtrail_disabled:
    'CloudTrail is the audit log this report is built from. Switching it off hides whatever happens next, a typical step in an attack.',
  guardduty_disabled: 'GuardDuty is AWS’s own threat detection. Turning it off removes the alarm system.',
  config_disabled: 'AWS Config records how resources are set up. Stopping it hides configuration changes.',
};

export const STATUS_LABEL: Record<PostureSignal['status'], string> = {
  ok: 'OK',
  warning: 'Attention',
  alert: 'Alert',
};
