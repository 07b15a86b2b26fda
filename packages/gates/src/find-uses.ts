import { compiled, kindKey, type Check, type TrieNode } from './compile';
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
  /** The path's id in the PathTable the object was walked with. */
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

export function isKnownKind(registry: Registry, gvk: GroupVersionKind): boolean {
  return compiled(registry).roots.has(kindKey(gvk.group, gvk.version, gvk.kind));
}

interface Frame {
  value: unknown;
  node: TrieNode;
  pathId: number;
}

/** A use whose path string is rendered on first read: ratcheting needs only the path's id. */
class FoundUse implements RawUse {
  private rendered: string | undefined;
  constructor(
    readonly check: Check,
    readonly value: unknown,
    readonly pathId: number,
    private readonly paths: PathTable,
  ) {}
  get path(): string {
    this.rendered ??= this.paths.render(this.pathId);
    return this.rendered;
  }
}

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/**
 * Every use of every feature in an object, in document order (so every use inside another use's
 * value comes after it). Iterative (an explicit stack), so nesting depth cannot overflow the call
 * stack, and O(1) per field visited: a path is an interned id, not a string. It reads only own
 * properties named by the type graph, so `__proto__` and `constructor` keys in the input are never
 * followed. Walk the old and new objects of one evaluation with the same `paths` to compare paths by id.
 */
export function findUses(
  registry: Registry,
  object: unknown,
  gvk: GroupVersionKind | undefined = kindOf(object),
  paths: PathTable = new PathTable(),
): RawUse[] {
  const uses: RawUse[] = [];
  if (!gvk) return uses;
  const root = compiled(registry).roots.get(kindKey(gvk.group, gvk.version, gvk.kind));
  if (!root) return uses;

  const stack: Frame[] = [{ value: object, node: root, pathId: PathTable.ROOT }];
  const next: Frame[] = [];
  while (stack.length > 0) {
    const { value, node, pathId } = stack.pop() as Frame;
    for (const check of node.checks) {
      if (check.test(value)) uses.push(new FoundUse(check, value, pathId, paths));
    }
    next.length = 0;
    for (const type of node.enter) next.push({ value, node: type, pathId });
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const field of node.fields) {
        if (!hasOwn(value, field.name)) continue;
        const child = (value as Record<string, unknown>)[field.name];
        if (!field.array) {
          next.push({ value: child, node: field.node, pathId: paths.child(pathId, field.name) });
        } else if (Array.isArray(child)) {
          const listId = paths.child(pathId, field.name);
          for (let i = 0; i < child.length; i++) next.push({ value: child[i], node: field.node, pathId: paths.child(listId, `[${i}]`) });
        }
      }
    }
    // Pushed in reverse so uses come out in document order.
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
  }
  return uses;
}
