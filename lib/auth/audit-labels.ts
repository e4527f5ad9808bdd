import type { AuditAction } from './audit';

// How the audit view names each action. A Record over the union, so a new action without a
// label fails the type check.
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'auth.login': 'Signed in',
  'auth.logout': 'Signed out',
  'auth.password_change': 'Changed own password',
  'user.bootstrap_admin': 'First admin created',
  'user.create': 'User created',
  'user.role_change': 'Role changed',
  'user.disable': 'User disabled',
  'user.enable': 'User enabled',
  'user.password_reset': 'Password reset',
  'user.sessions_revoke': 'Sessions revoked',
  'ingest.start': 'Ingest started',
  'finding.status_change': 'Finding status changed',
  'finding.assign': 'Finding assigned',
  'finding.note_add': 'Finding note added',
  'detection.sigma_import': 'Sigma rules imported',
  'detection.sigma_rule_change': 'Sigma rule changed',
  'detection.rule_setting': 'Rule setting changed',
  'detection.settings': 'Detection settings changed',
  'case.create': 'Case created',
  'case.update': 'Case changed',
  'case.member_add': 'Case member added',
  'case.member_remove': 'Case member removed',
  'case.item_add': 'Bookmark added',
  'case.item_update': 'Bookmark changed',
  'case.item_remove': 'Bookmark removed',
  'case.note_add': 'Note added',
  'case.export': 'Case exported',
  'share.create': 'Share link created',
  'share.revoke': 'Share link revoked',
  'share.view': 'Opened through a share link',
  'share.refused': 'Share link refused',
};

export const AUDIT_FAMILIES = [
  { value: 'auth.', label: 'Sign-in' },
  { value: 'user.', label: 'Users' },
  { value: 'ingest.', label: 'Ingest' },
  { value: 'finding.', label: 'Findings' },
  { value: 'detection.', label: 'Detection settings' },
  { value: 'case.', label: 'Cases' },
  { value: 'share.', label: 'Share links' },
] as const;
