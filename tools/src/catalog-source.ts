/**
 * Edits the TypeScript data files of a catalog (`packages/tekton/src/features.ts`, `flags.ts`,
 * `types.ts`) in place: finds the array or record a file declares by its type annotation
 * (`ApiFeature[]`, `BehaviorFlag[]`, `RootKind[]`, `Record<string, TypeNode>`), appends entries,
 * and rewrites single values inside one entry, leaving every other byte as the author wrote it.
 */
import * as ts from 'typescript';
import type { Tree } from '@nx/devkit';

export type Collection = 'ApiFeature' | 'BehaviorFlag' | 'RootKind' | 'TypeNode';

export interface Located {
  file: string;
  text: string;
  node: ts.ArrayLiteralExpression | ts.ObjectLiteralExpression;
}

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** The `.ts` files of a catalog directory, tests excluded. */
export function catalogFiles(tree: Tree, dir: string): string[] {
  if (!tree.exists(dir)) throw new Error(`no catalog directory ${dir}`);
  return tree
    .children(dir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'))
    .sort()
    .map((name) => `${dir}/${name}`);
}

/**
 * The literal a declaration holds and the type it is declared as: its annotation
 * (`const X: readonly T[] = [...]`) or what it `satisfies` (`const X = [...] as const satisfies readonly T[]`).
 */
function declared(node: ts.VariableDeclaration, source: ts.SourceFile): { literal?: ts.Expression; typeText?: string } {
  let literal = node.initializer;
  let typeText = node.type?.getText(source);
  while (literal && (ts.isSatisfiesExpression(literal) || ts.isAsExpression(literal) || ts.isParenthesizedExpression(literal))) {
    if (ts.isSatisfiesExpression(literal) && !typeText) typeText = literal.type.getText(source);
    literal = literal.expression;
  }
  return { literal, typeText };
}

/** The declaration whose type annotation names `collection`, in whichever file of the catalog declares it. */
export function locate(tree: Tree, dir: string, collection: Collection): Located {
  for (const file of catalogFiles(tree, dir)) {
    const text = tree.read(file, 'utf-8') ?? '';
    const source = parse(file, text);
    let found: Located | undefined;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isVariableDeclaration(node) && node.initializer) {
        const { literal, typeText } = declared(node, source);
        if (typeText && new RegExp(`\\b${collection}\\b`).test(typeText)) {
          if ((collection === 'TypeNode' && literal && ts.isObjectLiteralExpression(literal)) || (collection !== 'TypeNode' && literal && ts.isArrayLiteralExpression(literal))) {
            found = { file, text, node: literal };
            return;
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    if (found) return found;
  }
  const shape = collection === 'TypeNode' ? 'Record<string, TypeNode>' : `${collection}[]`;
  throw new Error(`no \`${shape}\` declaration in the catalog files of ${dir}`);
}

/** The text with `insertion` placed before the closing bracket of an array or object literal. */
export function appendEntry(located: Located, entry: string): string {
  const { text, node } = located;
  const close = node.getEnd() - 1;
  const elements = ts.isArrayLiteralExpression(node) ? node.elements : node.properties;
  const lineStart = text.lastIndexOf('\n', close - 1) + 1;
  const closeOnOwnLine = text.slice(lineStart, close).trim() === '';
  const indent = elements.length > 0 ? ' '.repeat(elements[0].getStart() - (text.lastIndexOf('\n', elements[0].getStart() - 1) + 1)) : '  ';
  const needsComma = elements.length > 0 && !elements.hasTrailingComma;
  const commaAt = elements.length > 0 ? elements[elements.length - 1].getEnd() : close;
  const body = entry
    .split('\n')
    .map((line, index) => (index === 0 ? line : line && `${indent}${line}`))
    .join('\n');
  if (closeOnOwnLine) {
    const head = needsComma ? `${text.slice(0, commaAt)},${text.slice(commaAt, lineStart)}` : text.slice(0, lineStart);
    return `${head}${indent}${body},\n${text.slice(lineStart)}`;
  }
  const head = needsComma ? `${text.slice(0, commaAt)},${text.slice(commaAt, close)}` : text.slice(0, close);
  return `${head}${elements.length > 0 ? ' ' : ''}${body}${text.slice(close)}`;
}

function stringProperty(node: ts.ObjectLiteralExpression, name: string): string | undefined {
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === name && ts.isStringLiteral(property.initializer)) return property.initializer.text;
  }
  return undefined;
}

/** The entry of an array whose `name` (or `key`, or first call argument) is `id`: `{ name: 'matrix', … }` or `bool('enable-x', …)`. */
export function findEntry(located: Located, id: string): ts.Expression | undefined {
  if (!ts.isArrayLiteralExpression(located.node)) return undefined;
  return located.node.elements.find((element) => {
    if (ts.isObjectLiteralExpression(element)) return stringProperty(element, 'name') === id || stringProperty(element, 'key') === id;
    if (ts.isCallExpression(element)) {
      const first = element.arguments[0];
      return first !== undefined && ts.isStringLiteral(first) && first.text === id;
    }
    return false;
  });
}

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/**
 * Edits that move an entry from one stability to another: the `stability` property, a
 * `valueStability` entry, or a `trueIs('alpha')`-style helper argument, wherever the entry says it.
 */
export function stabilityEdits(entry: ts.Node, from: string, to: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) && node.text === from) {
      const parent = node.parent;
      const isStabilityProperty = ts.isPropertyAssignment(parent) && parent.initializer === node && ['stability', 'true'].includes(parent.name.getText().replace(/['"]/g, ''));
      const isHelperArgument = ts.isCallExpression(parent) && parent.arguments.length === 1 && /stability|trueIs/i.test(parent.expression.getText());
      if (isStabilityProperty || isHelperArgument) {
        const quote = node.getText().startsWith('"') ? '"' : "'";
        edits.push({ start: node.getStart(), end: node.getEnd(), text: `${quote}${to}${quote}` });
      }
    }
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'history') return;
    ts.forEachChild(node, visit);
  };
  visit(entry);
  return edits;
}

/** An edit appending `item` to the entry's `history` array. */
export function historyEdit(text: string, entry: ts.Node, item: string): TextEdit | undefined {
  let history: ts.ArrayLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (history) return;
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'history' && ts.isArrayLiteralExpression(node.initializer)) {
      history = node.initializer;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(entry);
  if (!history) return undefined;
  const close = history.getEnd() - 1;
  const elements = history.elements;
  if (elements.length === 0) return { start: close, end: close, text: item };
  const last = elements[elements.length - 1];
  const between = text.slice(last.getEnd(), close);
  if (elements.hasTrailingComma) {
    const comma = text.indexOf(',', last.getEnd()) + 1;
    return { start: comma, end: comma, text: ` ${item},` };
  }
  return { start: last.getEnd(), end: close, text: `, ${item}${between}` };
}

