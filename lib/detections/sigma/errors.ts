// Why a Sigma rule did not load. Every message names the rule (title and id, file), the field (when
// one is involved) and the construct, so an admin can fix the YAML without reading our code.

export interface SigmaRuleRef {
  file: string;
  // 1-based position of the YAML document within the file (Sigma files may hold several).
  document: number;
  title: string | null;
  sigmaId: string | null;
}

export class SigmaCompileError extends Error {
  readonly ref: SigmaRuleRef;
  readonly construct: string;
  readonly field: string | null;
  readonly detail: string;

  constructor(ref: SigmaRuleRef, construct: string, field: string | null, detail: string) {
    super(`${describeRule(ref)}: ${field ? `field "${field}": ` : ''}${construct}: ${detail}`);
    this.name = 'SigmaCompileError';
    this.ref = ref;
    this.construct = construct;
    this.field = field;
    this.detail = detail;
  }
}

export function describeRule(ref: SigmaRuleRef): string {
  const name = ref.title ? `"${ref.title}"` : `document ${ref.document}`;
  return `${ref.file}: rule ${name}${ref.sigmaId ? ` (${ref.sigmaId})` : ''}`;
}

// A compile step reports through this so that it does not need to know the rule it belongs to.
export type Fail = (construct: string, field: string | null, detail: string) => never;

export function failFor(ref: SigmaRuleRef): Fail {
  return (construct, field, detail) => {
    throw new SigmaCompileError(ref, construct, field, detail);
  };
}
