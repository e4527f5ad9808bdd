// Class names of the plain data tables, shared by every table in the app so they keep one look.
export const TABLE = 'w-full text-sm';
export const THEAD_ROW =
  'border-b border-line bg-surface-muted text-left text-xs tracking-wide text-muted uppercase';
export const TH = 'px-3 py-2.5 font-medium first:pl-5 last:pr-5';
export const TH_NUM = `${TH} text-right`;
export const TBODY = 'divide-y divide-line';
export const TR = 'align-top hover:bg-surface-hover/40';
export const TD = 'px-3 py-2.5 first:pl-5 last:pr-5';
export const TD_NUM = `${TD} text-right tabular-nums`;
export const LINK = 'font-medium text-fg hover:text-accent hover:underline';
