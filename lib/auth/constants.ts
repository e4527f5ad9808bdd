// Names shared by proxy.ts (which must stay free of database imports) and the auth modules.

export const SESSION_COOKIE = 'th_session';
export const THEME_COOKIE = 'th_theme';
/** Set by proxy.ts on every matched request so server components can build `/login?next=...`. */
export const REQUEST_PATH_HEADER = 'x-trailhound-path';
