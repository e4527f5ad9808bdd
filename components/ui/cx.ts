/** Joins class names, skipping falsy ones; enough for our variants without a dependency. */
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ');
}
