import { createTree } from '@nx/devkit/testing';
import { appendEntry, applyEdits, entryEdits, findEntry, historyEdit, locate, locateOrCreateList, removePropertyEdit, stabilityEdits, withoutEntry } from './catalog-source';

function treeWith(files: Record<string, string>) {
  const tree = createTree();
  for (const [path, text] of Object.entries(files)) tree.write(`cat/${path}`, text);
  return tree;
}

const FLAGS = `import type { BehaviorFlag } from '@featuregates/gates';
const trueIs = (stability: string) => ({ stability, valueStability: { true: stability } });
const bool = (key: string, d: boolean, description: string, rest = {}) => ({ key, type: 'bool', default: d, description, history: [], ...rest });

export const FLAGS: readonly BehaviorFlag[] = [
  bool('enable-x', false, 'Own flag of x.', { ...trueIs('alpha'), feature: 'x', history: [at('v1', 'introduced', { stability: 'alpha' })] }),
  {
    key: 'plain',
    type: 'bool',
    default: false,
    stability: 'alpha',
    valueStability: { true: 'alpha' },
    history: [
      { release: 'v1', event: 'introduced', stability: 'alpha' },
    ],
  },
];
`;

describe('editing catalog source', () => {
  it('finds a collection by its type annotation, in whichever file declares it', () => {
    const tree = treeWith({ 'a.ts': 'export const X = 1;\n', 'flags.ts': FLAGS, 'flags.test.ts': 'const FLAGS: BehaviorFlag[] = [];' });
    expect(locate(tree, 'cat', 'BehaviorFlag').file).toBe('cat/flags.ts');
    expect(() => locate(tree, 'cat', 'RootKind')).toThrow('no `RootKind[]` declaration in the catalog files of cat');
  });

  it('appends an entry before the closing bracket, indented like its siblings, adding a missing comma', () => {
    const multi = treeWith({ 'k.ts': "const KINDS: RootKind[] = [\n    a,\n    b\n];\n" });
    expect(appendEntry(locate(multi, 'cat', 'RootKind'), '{\n  c: 1,\n}')).toBe("const KINDS: RootKind[] = [\n    a,\n    b,\n    {\n      c: 1,\n    },\n];\n");
    const inline = treeWith({ 'k.ts': 'const KINDS: RootKind[] = [a, b];\n' });
    expect(appendEntry(locate(inline, 'cat', 'RootKind'), 'c')).toBe('const KINDS: RootKind[] = [a, b, c];\n');
    const empty = treeWith({ 'k.ts': 'const KINDS: RootKind[] = [];\n' });
    expect(appendEntry(locate(empty, 'cat', 'RootKind'), 'c')).toBe('const KINDS: RootKind[] = [c];\n');
    const record = treeWith({ 't.ts': "const TYPES: Record<string, TypeNode> = {\n  A: {},\n};\n" });
    expect(appendEntry(locate(record, 'cat', 'TypeNode'), "'B': {}")).toBe("const TYPES: Record<string, TypeNode> = {\n  A: {},\n  'B': {},\n};\n");
  });

  it('moves an entry to a new stability whichever way it is written, and appends to its history', () => {
    const tree = treeWith({ 'flags.ts': FLAGS });
    const flags = locate(tree, 'cat', 'BehaviorFlag');
    const helper = findEntry(flags, 'enable-x');
    const plain = findEntry(flags, 'plain');
    expect(helper && plain).toBeTruthy();
    if (!helper || !plain) return;
    const item = "{ release: 'v2', event: 'promoted', stability: 'beta' }";
    const edits = [...stabilityEdits(helper, 'alpha', 'beta'), ...stabilityEdits(plain, 'alpha', 'beta')];
    const history = [historyEdit(flags.text, helper, item), historyEdit(flags.text, plain, item)].filter((edit) => edit !== undefined);
    const text = applyEdits(flags.text, [...edits, ...history]);
    expect(text).toContain("bool('enable-x', false, 'Own flag of x.', { ...trueIs('beta'), feature: 'x', history: [at('v1', 'introduced', { stability: 'alpha' }), { release: 'v2', event: 'promoted', stability: 'beta' }] }),");
    expect(text).toContain("    stability: 'beta',\n    valueStability: { true: 'beta' },\n");
    expect(text).toContain("      { release: 'v1', event: 'introduced', stability: 'alpha' }, { release: 'v2', event: 'promoted', stability: 'beta' },\n    ],");
  });

  it('sets properties of an entry however it is written: replacing, adding one a line, or giving a helper call an object', () => {
    const tree = treeWith({ 'flags.ts': FLAGS.replace("  bool('enable-x'", "  bool('bare', true, 'No object.'),\n  bool('enable-x'") });
    const flags = locate(tree, 'cat', 'BehaviorFlag');
    const [bare, helper, plain] = ['bare', 'enable-x', 'plain'].map((id) => findEntry(flags, id));
    if (!bare || !helper || !plain) throw new Error('entries not found');
    const item = "{ release: 'v2', event: 'deprecated' }";
    const text = applyEdits(flags.text, [
      ...entryEdits(flags.text, bare, [['deprecated', "{ since: 'v2', message: 'm' }"]], item),
      ...entryEdits(flags.text, helper, [['feature', "'y'"]], item),
      ...entryEdits(flags.text, plain, [['stability', "'beta'"], ['deprecated', "{ since: 'v2', message: 'm' }"]]),
    ]);
    expect(text).toContain("  bool('bare', true, 'No object.', { deprecated: { since: 'v2', message: 'm' }, history: [{ release: 'v2', event: 'deprecated' }] }),\n");
    expect(text).toContain("{ ...trueIs('alpha'), feature: 'y', history: [at('v1', 'introduced', { stability: 'alpha' }), { release: 'v2', event: 'deprecated' }] }");
    expect(text).toContain("    stability: 'beta',\n    valueStability: { true: 'alpha' },\n    history: [\n      { release: 'v1', event: 'introduced', stability: 'alpha' },\n    ],\n    deprecated: { since: 'v2', message: 'm' },\n  },\n];");
  });

  it('drops a property or an entry with its comma and line', () => {
    const tree = treeWith({ 'flags.ts': FLAGS });
    const flags = locate(tree, 'cat', 'BehaviorFlag');
    const plain = findEntry(flags, 'plain');
    const edit = plain && removePropertyEdit(flags.text, plain, 'valueStability');
    expect(edit && applyEdits(flags.text, [edit])).toContain("    stability: 'alpha',\n    history: [");
    const without = withoutEntry(flags, 'enable-x');
    expect(without).not.toContain('enable-x');
    expect(without).toContain("export const FLAGS: readonly BehaviorFlag[] = [\n  {\n    key: 'plain',");
    expect(() => withoutEntry(flags, 'nope')).toThrow('cannot find the entry of "nope" in cat/flags.ts; edit it by hand');
  });

  it("adds a list the registry lacks as a property of its own, one entry a line", () => {
    const tree = treeWith({ 'catalog.ts': "export const c: Registry = {\n  name: 'x',\n  tombstones: [],\n};\n" });
    const list = locateOrCreateList(tree, 'cat', 'RemovedFeature', 'removedFeatures');
    tree.write(list.file, appendEntry(list, "{\n  name: 'a',\n}"));
    expect(tree.read('cat/catalog.ts', 'utf-8')).toBe("export const c: Registry = {\n  name: 'x',\n  tombstones: [],\n  removedFeatures: [\n    {\n      name: 'a',\n    },\n  ],\n};\n");
    const again = locateOrCreateList(tree, 'cat', 'RemovedFeature', 'removedFeatures');
    tree.write(again.file, appendEntry(again, "{\n  name: 'b',\n}"));
    expect(tree.read('cat/catalog.ts', 'utf-8')).toContain("    },\n    {\n      name: 'b',\n    },\n  ],\n};");
  });
});
