// Series colours for stacked charts: mid tones that read on both the light and the dark surface,
// in an order where neighbours differ in hue. "Other" is always the neutral last one.
export const SERIES_COLOURS = [
  '#2f62d8',
  '#0d9488',
  '#d08700',
  '#8b5cf6',
  '#db2777',
  '#0284c7',
  '#65a30d',
  '#854d0e',
];
export const OTHER_COLOUR = '#8a93a3';
export const ERROR_COLOUR = '#e2571c';
export const DENIED_COLOUR = '#c81e3a';
