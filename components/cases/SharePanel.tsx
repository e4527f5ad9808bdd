'use client';

import { useActionState, useEffect, useState } from 'react';
import { CopyButton } from '@/components/settings/CopyButton';
import { Alert } from '@/components/ui/Alert';
import { SelectField, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { createShareLinkAction, revokeShareLinkAction } from '@/lib/actions/share-links';
import { SHARE_EXPIRY_HOURS, SHARE_EXPIRY_LABELS } from '@/lib/cases/constants';
import { formatUtc } from '@/lib/format';

export interface ShareLinkRow {
  id: string;
  label: string;
  scope: 'case' | 'view';
  viewLabel: string | null;
  createdBy: string | null;
  expiresAt: string;
  /** Decided on the server, so the browser's clock cannot disagree with what the link does. */
  state: 'Active' | 'Expired' | 'Revoked';
  useCount: number;
}

/** Creates read-only links (shown once) and lists the case's links with their state. */
export function SharePanel({
  caseId,
  links,
  views,
  canEdit,
}: {
  caseId: string;
  links: ShareLinkRow[];
  /** Saved views of the case that can be shared as a snapshot. */
  views: { itemId: string; label: string }[];
  canEdit: boolean;
}) {
  const [createState, createAction] = useActionState(createShareLinkAction, null);
  const [revokeState, revokeAction] = useActionState(revokeShareLinkAction, null);
  // The absolute URL needs the origin the user reached us by, known only in the browser.
  const [origin, setOrigin] = useState('');
  useEffect(() => setOrigin(window.location.origin), []);
  const created = createState?.ok ? `${origin}${createState.data.path}` : null;
  const failure = [createState, revokeState].find((state) => state && !state.ok);

  return (
    <div className="space-y-4 text-sm">
      {canEdit ? (
        <form action={createAction} className="space-y-3">
          <input type="hidden" name="caseId" value={caseId} />
          <TextField
            id="share-label"
            name="label"
            label="For"
            placeholder="Legal review"
            required
            maxLength={200}
          />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:grid-cols-1 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <SelectField id="share-viewItemId" name="viewItemId" label="Covers" defaultValue="">
              <option value="">The whole case</option>
              {views.map((view) => (
                <option key={view.itemId} value={view.itemId}>
                  View: {view.label}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="share-expiresInHours"
              name="expiresInHours"
              label="Expires after"
              defaultValue="24"
            >
              {SHARE_EXPIRY_HOURS.map((hours) => (
                <option key={hours} value={hours}>
                  {SHARE_EXPIRY_LABELS[hours]}
                </option>
              ))}
            </SelectField>
          </div>
          <SubmitButton pendingLabel="Creating…">Create share link</SubmitButton>
        </form>
      ) : null}
      {created ? (
        <div className="space-y-2 rounded-lg border border-success/30 bg-success-soft p-3">
          <p role="status" className="text-success">
            {createState?.message}
          </p>
          <div className="flex items-center gap-2">
            <input
              readOnly
              value={created}
              aria-label="Share link"
              className="h-8 min-w-0 flex-1 rounded-md border border-line bg-surface px-2 font-mono text-xs"
              onFocus={(event) => event.currentTarget.select()}
            />
            <CopyButton value={created} />
          </div>
        </div>
      ) : null}
      {failure && !failure.ok ? <Alert tone="error">{failure.message}</Alert> : null}
      {links.length > 0 ? (
        <ul aria-label="Share links" className="divide-y divide-line rounded-lg border border-line">
          {links.map((link) => {
            const { state } = link;
            return (
              <li key={link.id} className="flex items-start justify-between gap-3 px-3 py-2.5">
                <div className="min-w-0">
                  <p className="truncate font-medium">{link.label}</p>
                  <p className="text-[13px] text-muted">
                    {link.scope === 'case' ? 'Whole case' : `View: ${link.viewLabel ?? 'removed view'}`} ·{' '}
                    {state}
                    {state === 'Active' ? ` until ${formatUtc(link.expiresAt)}` : ''} · opened {link.useCount}
                    ×
                  </p>
                </div>
                {canEdit && state === 'Active' ? (
                  <form action={revokeAction}>
                    <input type="hidden" name="caseId" value={caseId} />
                    <input type="hidden" name="linkId" value={link.id} />
                    <SubmitButton variant="danger" size="sm" aria-label={`Revoke link for ${link.label}`}>
                      Revoke
                    </SubmitButton>
                  </form>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-muted">No share links yet.</p>
      )}
    </div>
  );
}
