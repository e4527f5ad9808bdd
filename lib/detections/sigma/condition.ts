// The Sigma condition language (without aggregations): identifiers, `and`, `or`, `not`,
// parentheses, and `1 of` / `all of` / `N of` over an identifier, a wildcard pattern
// (`selection_*`) or `them`. Precedence, loosest first: or, and, not. Keywords are case-insensitive.

import type { Fail } from './errors';

export type ConditionNode =
  | { type: 'ref'; name: string }
  | { type: 'not'; operand: ConditionNode }
  | { type: 'and' | 'or'; operands: ConditionNode[] }
  | { type: 'of'; quantifier: 'all' | number; names: string[] };

const KEYWORDS = new Set(['and', 'or', 'not', 'of', 'them', 'all']);
const TOKEN = /\s*(\(|\)|[^\s()]+)/y;

function tokenize(text: string, fail: Fail): string[] {
  const tokens: string[] = [];
  let end = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    tokens.push(match[1] as string);
    end = TOKEN.lastIndex;
  }
  if (text.slice(end).trim() !== '') fail('condition', null, `cannot read "${text}"`);
  const pipe = tokens.indexOf('|');
  if (pipe >= 0 || tokens.some((token) => token.includes('|'))) {
    fail(
      'aggregation in condition',
      null,
      `"${text}": "| count() ..." aggregations (and near) are not supported; Trailhound compiles single-event rules only`,
    );
  }
  return tokens;
}

function patternMatcher(pattern: string): (name: string) => boolean {
  const body = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  const regex = new RegExp(`^${body}$`);
  return (name) => regex.test(name);
}

export function parseCondition(text: string, identifiers: readonly string[], fail: Fail): ConditionNode {
  const tokens = tokenize(text, fail);
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const lower = (): string | undefined => peek()?.toLowerCase();
  const bad: (detail: string) => never = (detail) => fail('condition', null, `"${text}": ${detail}`);

  const known = new Set(identifiers);
  function reference(name: string): ConditionNode {
    if (name.includes('*')) bad(`wildcard "${name}" needs "1 of" or "all of" in front`);
    if (!known.has(name))
      bad(`"${name}" is not a detection identifier (have: ${identifiers.join(', ') || 'none'})`);
    return { type: 'ref', name };
  }

  function quantified(quantifier: 'all' | number): ConditionNode {
    position++; // the quantifier
    if (lower() !== 'of') bad(`expected "of" after "${quantifier}"`);
    position++;
    const target = peek();
    if (target === undefined || target === '(' || target === ')')
      bad('expected an identifier, pattern or "them" after "of"');
    position++;
    let names: string[];
    if (target.toLowerCase() === 'them') {
      // Sigma: identifiers starting with "_" are helpers that "them" leaves out.
      names = identifiers.filter((name) => !name.startsWith('_'));
    } else {
      const matches = patternMatcher(target);
      names = identifiers.filter(matches);
    }
    if (names.length === 0) bad(`"${target}" matches no detection identifier`);
    return { type: 'of', quantifier, names };
  }

  function primary(): ConditionNode {
    const token = peek();
    if (token === undefined) return bad('ends too early');
    if (token === '(') {
      position++;
      const inner = orExpression();
      if (peek() !== ')') bad('missing ")"');
      position++;
      return inner;
    }
    if (token === ')') return bad('unexpected ")"');
    const word = token.toLowerCase();
    if (word === 'all') return quantified('all');
    if (/^\d+$/.test(word)) {
      const count = Number(word);
      if (count < 1) bad('"0 of" never makes sense');
      return quantified(count);
    }
    if (KEYWORDS.has(word)) return bad(`unexpected "${token}"`);
    position++;
    return reference(token);
  }

  function notExpression(): ConditionNode {
    if (lower() === 'not') {
      position++;
      return { type: 'not', operand: notExpression() };
    }
    return primary();
  }

  function chain(type: 'and' | 'or', next: () => ConditionNode): ConditionNode {
    const operands = [next()];
    while (lower() === type) {
      position++;
      operands.push(next());
    }
    return operands.length === 1 ? (operands[0] as ConditionNode) : { type, operands };
  }
  const andExpression = (): ConditionNode => chain('and', notExpression);
  const orExpression = (): ConditionNode => chain('or', andExpression);

  const tree = orExpression();
  if (position < tokens.length) bad(`unexpected "${peek()}"`);
  return tree;
}

export function compileCondition<T>(
  node: ConditionNode,
  predicates: ReadonlyMap<string, (input: T) => boolean>,
): (input: T) => boolean {
  switch (node.type) {
    case 'ref':
      return predicates.get(node.name) as (input: T) => boolean;
    case 'not': {
      const operand = compileCondition(node.operand, predicates);
      return (input) => !operand(input);
    }
    case 'and': {
      const operands = node.operands.map((operand) => compileCondition(operand, predicates));
      return (input) => operands.every((operand) => operand(input));
    }
    case 'or': {
      const operands = node.operands.map((operand) => compileCondition(operand, predicates));
      return (input) => operands.some((operand) => operand(input));
    }
    case 'of': {
      const operands = node.names.map((name) => predicates.get(name) as (input: T) => boolean);
      if (node.quantifier === 'all') return (input) => operands.every((operand) => operand(input));
      const needed = node.quantifier;
      return (input) => {
        let hits = 0;
        for (const operand of operands) if (operand(input) && ++hits >= needed) return true;
        return false;
      };
    }
  }
}
