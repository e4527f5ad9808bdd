/**
 * JSON text that is also inert inside HTML: < > & and the two JavaScript line separators are
 * written as \u escapes, so a `<script>` in a record cannot close or open a tag if the export is
 * ever shown in a page. Parsing gives back exactly the original values.
 */
export function inertJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
