import { compiled, type Check, type TrieNode } from './compile';
import { PathTable } from './path-table';
import type { Registry } from './registry';

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** A value at a path that counts as a use of a feature, before any decision. */
export interface RawUse {
  readonly check: Check;
  /** Rendered from `pathId`; elided in the middle when deeper than EXACT_PATH_SEGMENTS. */
  readonly path: string;
  /** The path's canonical id in the PathTable the object was walked with: equal ids, equal paths. */
  readonly pathId: number;
  readonly value: unknown;
}

/** Kind of an object from its `apiVersion` and `kind`, or undefined when it has none. */
export function kindOf(object: unknown): GroupVersionKind | undefined {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return undefined;
  const { apiVersion, kind } = object as { apiVersion?: unknown; kind?: unknown };
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion, kind }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1), kind };
}

/** The compiled type graph's node for a kind's whole object, or undefined for a kind the registry does not gate. */
export function rootOf(registry: Registry, gvk: GroupVersionKind): TrieNode | undefined {
  return compiled(registry).rootsByKind.get(gvk.kind)?.get(gvk.group)?.get(gvk.version);
}

export function isKnownKind(registry: Registry, gvk: GroupVersionKind): boolean {
  return rootOf(registry, gvk) !== undefined;
}

/** A use whose path is rendered, or interned, on first read: a CREATE needs no ids, ratcheting needs no strings. */
class FoundUse implements RawUse {
  private rendered: string | undefined;
  constructor(
    readonly check: Check,
    readonly value: unknown,
    private readonly entry: number,
    private readonly paths: PathTable,
  ) {}
  get path(): string {
    this.rendered ??= this.paths.render(this.entry);
    return this.rendered;
  }
  get pathId(): number {
    return this.paths.canonical(this.entry);
  }
}

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/**
 * Every use of every feature in an object, in document order (so every use inside another use's
 * value comes after it). Iterative (explicit stacks), so nesting depth cannot overflow the call
 * stack, and O(1) per field visited. It reads only own properties named by the type graph, so
 * `__proto__` and `constructor` keys in the input are never followed. Walk the old and new objects
 * of one evaluation with the same `paths` to compare paths by id.
 */
export function findUses(
  registry: Registry,
  object: unknown,
  gvk: GroupVersionKind | undefined = kindOf(object),
  paths: PathTable = new PathTable(),
): RawUse[] {
  const root = gvk && rootOf(registry, gvk);
  return root ? walkUses(root, object, paths) : [];
}

/** `findUses` from a kind's root node (`rootOf`). */
export function walkUses(root: TrieNode, object: unknown, paths: PathTable): RawUse[] {
  const uses: RawUse[] = [];
  // Three parallel stacks rather than a frame object per step: this runs on every admitted object.
  const values: unknown[] = [object];
  const nodes: TrieNode[] = [root];
  const at: number[] = [PathTable.ROOT];
  while (values.length > 0) {
    const value = values.pop();
    const node = nodes.pop() as TrieNode;
    const visit = at.pop() as number;
    for (const check of node.checks) {
      if (check.test(value)) uses.push(new FoundUse(check, value, visit, paths));
    }
    const pushed = values.length;
    for (const type of node.enter) {
      values.push(value);
      nodes.push(type);
      at.push(visit);
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const field of node.fields) {
        if (!hasOwn(value, field.name)) continue;
        const child = (value as Record<string, unknown>)[field.name];
        if (!field.array) {
          values.push(child);
          nodes.push(field.node);
          at.push(paths.child(visit, field.name));
        } else if (Array.isArray(child)) {
          const list = paths.child(visit, field.name);
          for (let i = 0; i < child.length; i++) {
            values.push(child[i]);
            nodes.push(field.node);
            at.push(paths.child(list, i));
          }
        }
      }
    }
    // What this step pushed is reversed in place, so uses come out in document order.
    for (let low = pushed, high = values.length - 1; low < high; low++, high--) {
      swap(values, low, high);
      swap(nodes, low, high);
      swap(at, low, high);
    }
  }
  return uses;
}

function swap<T>(items: T[], i: number, j: number): void {
  const item = items[i];
  items[i] = items[j];
  items[j] = item;
}
