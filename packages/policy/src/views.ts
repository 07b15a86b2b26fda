import { gatedFeatures, type ApiFeature, type Matcher, type Registry } from '@featuregates/gates';

/** The checks of one feature at one place: its matchers or'ed, under the title of the first use there (as the gate model compiles them). */
export interface ViewCheck {
  feature: ApiFeature;
  title: string;
  matchers: Matcher[];
}

/**
 * What the gate walk does with a value at one place of a kind's type graph: the checks it runs on
 * the value, and the fields it follows (`array`: every element). A View merges the trie nodes that
 * apply to one value (a type edge enters a second type at the same value), so the graph of Views is
 * finite and cyclic exactly where the type graph is recursive.
 */
export interface View {
  id: number;
  checks: ViewCheck[];
  fields: ViewField[];
}

export interface ViewField {
  name: string;
  array: boolean;
  child: View;
}

interface Node {
  id: number;
  checks: ViewCheck[];
  enter: Node[];
  fields: { name: string; array: boolean; node: Node }[];
}

function parseSegment(segment: string): { name: string; array: boolean } {
  return segment.endsWith('[]') ? { name: segment.slice(0, -2), array: true } : { name: segment, array: false };
}

/** The same trie as the gate model's compileRegistry, keeping matchers as data so they can be written in CEL. */
function buildTrie(registry: Registry): Map<string, Node> {
  let next = 0;
  const newNode = (): Node => ({ id: next++, checks: [], enter: [], fields: [] });
  const roots = new Map<string, Node>();
  const rootOf = (type: string): Node => {
    let node = roots.get(type);
    if (!node) {
      node = newNode();
      roots.set(type, node);
    }
    return node;
  };
  const descend = (node: Node, path: string): Node => {
    let current = node;
    for (const segment of path.split('.')) {
      const { name, array } = parseSegment(segment);
      let edge = current.fields.find((field) => field.name === name && field.array === array);
      if (!edge) {
        edge = { name, array, node: newNode() };
        current.fields.push(edge);
      }
      current = edge.node;
    }
    return current;
  };
  for (const [type, edges] of Object.entries(registry.types)) {
    const root = rootOf(type);
    for (const [path, target] of Object.entries(edges)) descend(root, path).enter.push(rootOf(target));
  }
  // Removed features' tombstones too, as the gate model compiles them: their uses are found, and refused.
  for (const feature of gatedFeatures(registry)) {
    for (const use of feature.uses) {
      const node = descend(rootOf(use.type), use.path);
      const same = node.checks.find((check) => check.feature === feature);
      if (same) same.matchers.push(use.match);
      else node.checks.push({ feature, title: use.title ?? feature.title, matchers: [use.match] });
    }
  }
  return roots;
}

/** Every node that applies to a value reached at `node`: the node and the types it enters, transitively. */
function closure(node: Node): Node[] {
  const seen = new Set<Node>();
  const order: Node[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Node;
    if (seen.has(current)) continue;
    seen.add(current);
    order.push(current);
    for (let i = current.enter.length - 1; i >= 0; i--) stack.push(current.enter[i]);
  }
  return order;
}

/** The Views of every root type of a registry, by type name. */
export function buildViews(registry: Registry): Map<string, View> {
  const roots = buildTrie(registry);
  const views = new Map<string, View>();
  let next = 0;
  const viewOf = (nodes: Node[]): View => {
    // Nodes that only enter other types add nothing of their own: leaving them out lets `tasks[]` and `finally[]` share one View.
    const own = nodes.filter((node) => node.checks.length > 0 || node.fields.length > 0).sort((a, b) => a.id - b.id);
    const key = own.map((node) => node.id).join(',');
    const known = views.get(key);
    if (known) return known;
    const view: View = { id: next++, checks: [], fields: [] };
    views.set(key, view);
    for (const node of own) {
      for (const check of node.checks) {
        const same = view.checks.find((entry) => entry.feature === check.feature);
        if (same) same.matchers.push(...check.matchers);
        else view.checks.push({ feature: check.feature, title: check.title, matchers: [...check.matchers] });
      }
    }
    const grouped = new Map<string, { name: string; array: boolean; nodes: Node[] }>();
    for (const node of own) {
      for (const field of node.fields) {
        const key = `${field.array ? '[]' : ''}${field.name}`;
        let group = grouped.get(key);
        if (!group) {
          group = { name: field.name, array: field.array, nodes: [] };
          grouped.set(key, group);
        }
        for (const reached of closure(field.node)) if (!group.nodes.includes(reached)) group.nodes.push(reached);
      }
    }
    for (const group of grouped.values()) view.fields.push({ name: group.name, array: group.array, child: viewOf(group.nodes) });
    return view;
  };
  const byType = new Map<string, View>();
  for (const kind of registry.kinds) {
    if (!byType.has(kind.type)) byType.set(kind.type, viewOf(closure(roots.get(kind.type) as Node)));
  }
  return byType;
}
