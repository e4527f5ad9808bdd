// Mid-tone colours that stay legible on both the light and the dark surface; SVG presentation
// attributes cannot read the theme's CSS variables reliably, so charts use these fixed values.
export const SERIES_COLORS = ['#4f7df0', '#14a38b', '#d08a1a', '#9b6be0', '#e0608a', '#3aa6d8', '#8a93a3'];
export const ERROR_COLOR = '#e2571c';
export const DENIED_COLOR = '#c81e3a';

/** Tooltips are HTML, so they can follow the theme through its CSS variables. */
export const TOOLTIP_STYLE = {
  fontSize: 12,
  borderRadius: 8,
  background: 'var(--th-surface)',
  borderColor: 'var(--th-line-strong)',
  color: 'var(--th-fg)',
};
