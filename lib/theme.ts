// Shared by the root layout (server) and the theme toggle (client).
export const THEME_PREFERENCES = ['light', 'dark', 'system'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

export function parseThemePreference(raw: string | undefined): ThemePreference {
  return THEME_PREFERENCES.find((value) => value === raw) ?? 'system';
}
