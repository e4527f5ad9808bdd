import { z } from 'zod';
import { PRINCIPAL_SORTS } from '@/lib/queries/principals/get-principals';

const text = z.string().trim().max(200).optional().catch(undefined);

/** The principals list's URL state: search, filters, sort and page. */
export const principalListParams = z.object({
  q: text,
  account: text,
  type: text,
  sort: z.enum(PRINCIPAL_SORTS).catch('risk').default('risk'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type PrincipalListParams = z.infer<typeof principalListParams>;

export function principalsListHref(params: Partial<PrincipalListParams>): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.account) query.set('account', params.account);
  if (params.type) query.set('type', params.type);
  if (params.sort && params.sort !== 'risk') query.set('sort', params.sort);
  if (params.page && params.page > 1) query.set('page', String(params.page));
  const text = query.toString();
  return text ? `/principals?${text}` : '/principals';
}
