import 'server-only';
import { getPrisma } from '@/lib/db/prisma';
import { generateShareToken, hashShareToken, isWellFormedShareToken } from './share-token';

export interface NewShareLink {
  caseId: bigint;
  /** null shares the whole case; a stored view URL shares only that view's snapshot. */
  viewUrl: string | null;
  label: string;
  expiresAt: Date;
  createdBy: string;
}

/** Creates the link and returns its raw token: the only time it exists outside the recipient's URL. */
export async function createShareLink(link: NewShareLink): Promise<{ id: bigint; token: string }> {
  const token = generateShareToken();
  const row = await getPrisma().shareLink.create({
    data: {
      tokenHash: hashShareToken(token),
      scope: link.viewUrl ? 'view' : 'case',
      caseId: link.caseId,
      viewUrl: link.viewUrl,
      label: link.label,
      expiresAt: link.expiresAt,
      createdBy: link.createdBy,
    },
    select: { id: true },
  });
  return { id: row.id, token };
}

/** Revokes a link of `caseId`; false when there is no such live link in that case. */
export async function revokeShareLink(caseId: bigint, linkId: bigint, revokedBy: string): Promise<boolean> {
  const { count } = await getPrisma().shareLink.updateMany({
    where: { id: linkId, caseId, revokedAt: null },
    data: { revokedAt: new Date(), revokedBy },
  });
  return count === 1;
}

export interface ActiveShare {
  id: bigint;
  caseId: bigint;
  scope: 'case' | 'view';
  viewUrl: string | null;
  label: string;
  expiresAt: Date;
}

export type ShareResolution =
  | { status: 'ok'; share: ActiveShare }
  | { status: 'expired'; expiredAt: Date }
  | { status: 'revoked' }
  | { status: 'invalid' };

/**
 * What a token opens. A malformed, tampered or unknown token is 'invalid'; the caller shows the
 * same page for it as for a link that never existed. Counts each successful use.
 */
export async function resolveShareToken(token: string, now = new Date()): Promise<ShareResolution> {
  if (!isWellFormedShareToken(token)) return { status: 'invalid' };
  const prisma = getPrisma();
  const link = await prisma.shareLink.findUnique({ where: { tokenHash: hashShareToken(token) } });
  if (!link) return { status: 'invalid' };
  if (link.revokedAt) return { status: 'revoked' };
  if (link.expiresAt.getTime() <= now.getTime()) return { status: 'expired', expiredAt: link.expiresAt };
  await prisma.shareLink.update({
    where: { id: link.id },
    data: { lastUsedAt: now, useCount: { increment: 1 } },
  });
  return {
    status: 'ok',
    share: {
      id: link.id,
      caseId: link.caseId,
      scope: link.scope === 'view' ? 'view' : 'case',
      viewUrl: link.viewUrl,
      label: link.label,
      expiresAt: link.expiresAt,
    },
  };
}
