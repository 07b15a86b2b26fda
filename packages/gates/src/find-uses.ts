import { compiled, type Check, type TrieNode } from './compile';
import { mergeTemplate, type WalkFrom } from './templates';
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
  return compiled(registry).roots.get(gvk.kind)?.get(gvk.group)?.get(gvk.version);
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
 * value comes after it). Iterative (an explicit stack), so nesting depth cannot overflow the call
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
  return root ? walkUses(root, object, paths).uses : [];
}

/** What one walk found; `tooDeep` is set when it stopped at the depth limit, and names where. */
export interface UseWalk {
  uses: RawUse[];
  /** The PathTable entry of the first value found below the limit; nothing under it was walked. */
  tooDeep?: number;
}

/**
 * `findUses` from a kind's root node (`rootOf`), going no deeper than `maxDepth` path segments
 * along the fields the type graph follows. Fields it does not follow are never read, however deep.
 */
export function walkUses(root: TrieNode, object: unknown, paths: PathTable, maxDepth = Infinity, start: number = PathTable.ROOT): UseWalk {
  const uses: RawUse[] = [];
  const carry = (check: Check, value: unknown, at: number): void => {
    uses.push(new FoundUse(check, value, at, paths));
  };
  const walkFrom: WalkFrom = (node, value, from) => walkUses(node, value, paths, maxDepth, from);
  // One stack of (value, node, path entry) triples rather than a frame object per step: this runs
  // on every admitted object. Each step pushes its children last first, so they pop in document order.
  const stack: unknown[] = [object, root, start];
  while (stack.length > 0) {
    const entry = stack.pop() as number;
    let node = stack.pop() as TrieNode;
    const value = stack.pop();
    if (paths.depth(entry) > maxDepth) return { uses, tooDeep: entry };
    // A value that reads as another type (a custom task) takes that type's checks and edges instead.
    if (node.variant !== undefined && node.variant.test(value)) node = node.variant.node;
    for (const check of node.checks) {
      if (check.test(value)) uses.push(new FoundUse(check, value, entry, paths));
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      if (node.templates !== undefined) {
        // Template types reach no template (compileRegistry), so this recursion is one level deep.
        for (const template of node.templates) {
          const tooDeep = mergeTemplate(template, value as Record<string, unknown>, entry, paths, walkFrom, carry);
          if (tooDeep !== undefined) return { uses, tooDeep };
        }
      }
      const { fields } = node;
      for (let f = fields.length - 1; f >= 0; f--) {
        const field = fields[f];
        if (!hasOwn(value, field.name)) continue;
        const child = (value as Record<string, unknown>)[field.name];
        if (!field.array) {
          stack.push(child, field.node, paths.child(entry, field.name));
        } else if (Array.isArray(child)) {
          const list = paths.child(entry, field.name);
          for (let i = child.length - 1; i >= 0; i--) stack.push(child[i], field.node, paths.child(list, i));
        }
      }
    }
    const { enter } = node;
    for (let t = enter.length - 1; t >= 0; t--) stack.push(value, enter[t], entry);
  }
  return { uses };
}
