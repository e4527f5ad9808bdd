// Text from logs and users goes into the Markdown export. Escaped here, it reads the same but
// cannot become markup: every ASCII punctuation character is backslash-escaped (CommonMark
// allows that for all of them), which also defuses GFM's bare-URL autolinks ("https\://",
// "www\."), and < > & become entities so no HTML tag or entity survives. Newlines become spaces,
// so a value cannot open a heading, list or table row of its own.

const PUNCTUATION = /[!"#$%'()*+,\-./:;=?@[\\\]^_`{|}~]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(PUNCTUATION, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
