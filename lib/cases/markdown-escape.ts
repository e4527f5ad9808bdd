// Text from logs and users goes into the Markdown export and must not become markup there.
//
// mdCode() is for log-derived values (event names, principals, IPs, user agents, finding titles
// built from log content): a code span shows its content literally, with no links, emphasis or
// HTML, even GFM's bare-URL autolinks. The fence is longer than any backtick run in the value,
// and `|` is escaped because a GFM table splits cells on it even inside code.
//
// escapeMarkdown() is for prose people typed (case title, description, tags): every ASCII
// punctuation character is backslash-escaped and < > & become entities, so no link, image,
// emphasis, heading or HTML tag can be written. GFM viewers may still turn a bare URL that
// someone typed into a link to itself; nothing can disguise where such a link goes.
//
// Both fold newlines into spaces, so a value cannot open a heading, list or table row of its own.

const PUNCTUATION = /[!"#$%'()*+,\-./:;=?@[\\\]^_`{|}~]/g;

const oneLine = (text: string) => text.replace(/[\r\n\t\u2028\u2029]+/g, ' ');

export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(PUNCTUATION, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function mdCode(text: string): string {
  const value = oneLine(text).replace(/\|/g, '\\|');
  if (value.trim() === '') return '';
  const longestRun = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // Spaces inside the fence let a value start or end with a backtick; CommonMark strips one each side.
  return `${fence} ${value} ${fence}`;
}
