/**
 * Edits the TypeScript data files of a catalog (`packages/tekton/src/features.ts`, `flags.ts`,
 * `types.ts`) in place: finds the array or record a file declares by its type annotation
 * (`ApiFeature[]`, `BehaviorFlag[]`, `RootKind[]`, `Record<string, TypeNode>`), appends entries,
 * and rewrites single values inside one entry, leaving every other byte as the author wrote it.
 */
import * as ts from 'typescript';
import type { Tree } from '@nx/devkit';

export type Collection = 'ApiFeature' | 'BehaviorFlag' | 'RootKind' | 'TypeNode' | 'Tombstone' | 'RemovedFeature' | 'Registry';

/** The declared type that names a collection: `Registry` is also written `TypedRegistry<…>`. */
const TYPE_NAME: Partial<Record<Collection, string>> = { Registry: '(?:Typed)?Registry' };

/** Collections that are one object literal rather than an array of entries. */
const OBJECTS: readonly Collection[] = ['TypeNode', 'Registry'];

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
        if (typeText && new RegExp(`\\b${TYPE_NAME[collection] ?? collection}\\b`).test(typeText)) {
          const object = OBJECTS.includes(collection);
          if ((object && literal && ts.isObjectLiteralExpression(literal)) || (!object && literal && ts.isArrayLiteralExpression(literal))) {
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
  const shape = collection === 'TypeNode' ? 'Record<string, TypeNode>' : collection === 'Registry' ? 'Registry' : `${collection}[]`;
  throw new Error(`no \`${shape}\` declaration in the catalog files of ${dir}`);
}

/** The text with `insertion` placed before the closing bracket of an array or object literal. */
export function appendEntry(located: Located, entry: string): string {
  const { text, node } = located;
  const close = node.getEnd() - 1;
  const elements = ts.isArrayLiteralExpression(node) ? node.elements : node.properties;
  const lineStart = text.lastIndexOf('\n', close - 1) + 1;
  const closeOnOwnLine = text.slice(lineStart, close).trim() === '';
  const indent =
    elements.length > 0
      ? ' '.repeat(elements[0].getStart() - (text.lastIndexOf('\n', elements[0].getStart() - 1) + 1))
      : closeOnOwnLine
        ? `${lineIndent(text, close)}  `
        : '  ';
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

/** The entry of an array whose `name` (or `key`, or first call argument) is `id`: `{ name: 'matrix', … }`, `bool('enable-x', …)` or `defineFlag({ key: 'x', … })`. */
export function findEntry(located: Located, id: string): ts.Expression | undefined {
  if (!ts.isArrayLiteralExpression(located.node)) return undefined;
  const named = (node: ts.Node): boolean => ts.isObjectLiteralExpression(node) && (stringProperty(node, 'name') === id || stringProperty(node, 'key') === id);
  return located.node.elements.find((element) => {
    if (named(element)) return true;
    if (ts.isCallExpression(element)) {
      const first = element.arguments[0];
      return first !== undefined && ((ts.isStringLiteral(first) && first.text === id) || named(first));
    }
    return false;
  });
}

/**
 * The object literal that holds an entry's own properties: the entry itself, or the object a
 * helper call takes (`defineFlag({ … })`, the last argument of `bool('k', false, 'd', { … })`).
 */
export function entryObject(entry: ts.Node): ts.ObjectLiteralExpression | undefined {
  if (ts.isObjectLiteralExpression(entry)) return entry;
  if (ts.isCallExpression(entry)) return [...entry.arguments].reverse().find(ts.isObjectLiteralExpression);
  return undefined;
}

function propertyNamed(object: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | undefined {
  return object.properties.find((property): property is ts.PropertyAssignment => ts.isPropertyAssignment(property) && property.name.getText().replace(/['"]/g, '') === name);
}

/** The value a property of the entry holds, as written. */
export function propertyValue(entry: ts.Node, name: string): ts.Expression | undefined {
  const object = entryObject(entry);
  return object && propertyNamed(object, name)?.initializer;
}

function lineIndent(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

/**
 * Edits that set properties of an entry to values (TypeScript source): each one the entry has is
 * replaced; the others are added after its last property, one a line when the entry is written
 * so. A helper call without an object argument (`bool('k', false, 'd')`) gets one.
 */
export function setPropertyEdits(text: string, entry: ts.Node, values: readonly (readonly [string, string])[]): TextEdit[] {
  const object = entryObject(entry);
  const source = (pairs: readonly (readonly [string, string])[]): string[] => pairs.map(([name, value]) => `${name}: ${value}`);
  if (!object) {
    if (!ts.isCallExpression(entry)) throw new Error(`cannot add ${values.map(([name]) => `"${name}"`).join(', ')} to an entry written as ${entry.getText().slice(0, 40)}`);
    const close = entry.getEnd() - 1;
    return [{ start: close, end: close, text: `${entry.arguments.length > 0 ? ', ' : ''}{ ${source(values).join(', ')} }` }];
  }
  const edits: TextEdit[] = [];
  const missing: (readonly [string, string])[] = [];
  for (const [name, value] of values) {
    const existing = propertyNamed(object, name);
    if (existing) edits.push({ start: existing.initializer.getStart(), end: existing.initializer.getEnd(), text: value });
    else missing.push([name, value]);
  }
  if (missing.length === 0) return edits;
  const properties = object.properties;
  const close = object.getEnd() - 1;
  if (properties.length === 0) return [...edits, { start: object.getStart() + 1, end: close, text: ` ${source(missing).join(', ')} ` }];
  const last = properties[properties.length - 1];
  const trailing = properties.hasTrailingComma;
  const end = trailing ? text.indexOf(',', last.getEnd()) + 1 : last.getEnd();
  const multiline = text.slice(object.getStart(), close).includes('\n');
  const separator = multiline ? `,\n${lineIndent(text, last.getStart())}` : ', ';
  return [...edits, { start: last.getEnd(), end, text: `${source(missing).map((item) => `${separator}${item}`).join('')}${trailing ? ',' : ''}` }];
}

/**
 * Edits that set properties of an entry and append `historyItem` to its history (creating the
 * property when the entry has none of its own), as one change so that the edits never overlap.
 */
export function entryEdits(text: string, entry: ts.Node, values: readonly (readonly [string, string])[], historyItem?: string): TextEdit[] {
  const history = historyItem === undefined ? undefined : historyEdit(text, entry, historyItem);
  const pairs = historyItem !== undefined && !history ? [...values, ['history', `[${historyItem}]`] as const] : values;
  return [...(pairs.length > 0 ? setPropertyEdits(text, entry, pairs) : []), ...(history ? [history] : [])];
}

/** An edit that drops a property of an entry (with its comma, and its line when it has one of its own). */
export function removePropertyEdit(text: string, entry: ts.Node, name: string): TextEdit | undefined {
  const object = entryObject(entry);
  const property = object && propertyNamed(object, name);
  if (!object || !property) return undefined;
  return removeListItem(text, property, object.properties);
}

/** An edit that drops one element of an array literal (or property of an object literal). */
export function removeListItem(text: string, item: ts.Node, siblings: ts.NodeArray<ts.Node>): TextEdit {
  const index = siblings.indexOf(item);
  const start = item.getStart();
  let end = item.getEnd();
  const after = text.slice(end);
  const comma = /^\s*,/.exec(after);
  if (comma) end += comma[0].length;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const ownLine = text.slice(lineStart, start).trim() === '';
  const rest = /^[ \t]*\n/.exec(text.slice(end));
  if (ownLine && rest) return { start: lineStart, end: end + rest[0].length, text: '' };
  if (!comma && index > 0) {
    // The last item without a trailing comma: take the comma before it instead.
    const previous = siblings[index - 1];
    return { start: previous.getEnd(), end, text: '' };
  }
  const space = /^[ \t]*/.exec(text.slice(end))?.[0].length ?? 0;
  return { start, end: end + space, text: '' };
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
      const inValueStability = ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent) && ts.isPropertyAssignment(parent.parent.parent) && parent.parent.parent.name.getText() === 'valueStability';
      const isStabilityProperty = ts.isPropertyAssignment(parent) && parent.initializer === node && (inValueStability || ['stability', 'true'].includes(parent.name.getText().replace(/['"]/g, '')));
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

/** An edit appending `item` to the entry's `history` array (or the array of another property, `apiFieldsHistory`). */
export function historyEdit(text: string, entry: ts.Node, item: string, property = 'history'): TextEdit | undefined {
  let history: ts.ArrayLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (history) return;
    if (ts.isPropertyAssignment(node) && node.name.getText() === property && ts.isArrayLiteralExpression(node.initializer)) {
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


/**
 * The array a collection is declared in (`const REMOVED: RemovedFeature[] = […]`), else the
 * registry's own `property` array; without either, the registry gets an empty one first.
 */
export function locateOrCreateList(tree: Tree, dir: string, collection: Collection, property: string): Located {
  try {
    return locate(tree, dir, collection);
  } catch {
    const registry = locate(tree, dir, 'Registry');
    const find = (located: Located): Located | undefined => {
      const value = propertyValue(located.node, property);
      return value && ts.isArrayLiteralExpression(value) ? { file: located.file, text: located.text, node: value } : undefined;
    };
    const found = find(registry);
    if (found) return found;
    if (propertyValue(registry.node, property)) throw new Error(`the registry's "${property}" in ${registry.file} is not an array literal or a \`${collection}[]\` declaration; add the entry by hand`);
    const properties = ts.isObjectLiteralExpression(registry.node) ? registry.node.properties : undefined;
    const indent = properties && properties.length > 0 ? lineIndent(registry.text, properties[properties.length - 1].getStart()) : '';
    tree.write(registry.file, applyEdits(registry.text, setPropertyEdits(registry.text, registry.node, [[property, `[\n${indent}]`]])));
    const created = find(locate(tree, dir, 'Registry'));
    if (!created) throw new Error(`could not add "${property}" to the registry in ${registry.file}`);
    return created;
  }
}

/** The text with an array's entry (found by name or key) taken out. */
export function withoutEntry(located: Located, id: string): string {
  const entry = findEntry(located, id);
  if (!entry || !ts.isArrayLiteralExpression(located.node)) throw new Error(`cannot find the entry of "${id}" in ${located.file}; edit it by hand`);
  return applyEdits(located.text, [removeListItem(located.text, entry, located.node.elements)]);
}
