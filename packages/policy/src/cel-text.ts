/** Small writers of CEL source text, so generated expressions quote and select the same way everywhere. */

/** A CEL string, int, double or bool literal (JSON's escapes are CEL's). */
export function lit(value: string | number | boolean): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} in CEL`);
    return Number.isInteger(value) ? String(value) : String(value).includes('e') ? value.toExponential() : String(value);
  }
  return String(value);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
// CEL's reserved words cannot follow a dot; Kubernetes would need them escaped, so such fields are read by index.
const RESERVED = new Set([
  'true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while',
]);

const selectable = (name: string): boolean => IDENTIFIER.test(name) && !RESERVED.has(name);

/** Is field `name` present in map `x` (a JSON null counts, as own properties do)? */
export function hasField(x: string, name: string): string {
  return selectable(name) ? `has(${x}.${name})` : `${lit(name)} in ${x}`;
}

export function field(x: string, name: string): string {
  return selectable(name) ? `${x}.${name}` : `${x}[${lit(name)}]`;
}

export function anyOf(parts: readonly string[]): string {
  if (parts.length === 0) return 'false';
  return parts.length === 1 ? parts[0] : `(${parts.join(' || ')})`;
}

export function allOf(parts: readonly string[]): string {
  if (parts.length === 0) return 'true';
  return parts.length === 1 ? parts[0] : `(${parts.join(' && ')})`;
}

/**
 * A CEL string expression from a message rendered at generation time with placeholders: each
 * placeholder (a token such as `@@LEVEL@@`) becomes the CEL expression given for it.
 */
export function template(text: string, values: Readonly<Record<string, string>>): string {
  const tokens = Object.keys(values);
  if (tokens.length === 0) return lit(text);
  const pattern = new RegExp(tokens.map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push(lit(text.slice(last, match.index)));
    parts.push(values[match[0]]);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(lit(text.slice(last)));
  return parts.length === 0 ? lit('') : parts.join(' + ');
}
