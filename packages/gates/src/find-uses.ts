import { compiled, kindKey, type Check, type TrieNode } from './compile';
import type { Registry } from './registry';

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** A value at a path that counts as a use of a feature, before any decision. */
export interface RawUse {
  check: Check;
  path: string;
  value: unknown;
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
  parent: number;
  segment: string;
}

function pathOf(frames: Frame[], index: number): string {
  const segments: string[] = [];
  for (let i = index; i >= 0; i = frames[i].parent) if (frames[i].segment) segments.push(frames[i].segment);
  let path = '';
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    path += segment.startsWith('[') || path === '' ? segment : `.${segment}`;
  }
  return path;
}

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/**
 * Every use of every feature in an object, in document order. Iterative (an explicit stack), so
 * nesting depth cannot overflow the call stack; it reads only own properties named by the type
 * graph, so `__proto__` and `constructor` keys in the input are never followed.
 */
export function findUses(registry: Registry, object: unknown, gvk: GroupVersionKind | undefined = kindOf(object)): RawUse[] {
  const uses: RawUse[] = [];
  if (!gvk) return uses;
  const root = compiled(registry).roots.get(kindKey(gvk.group, gvk.version, gvk.kind));
  if (!root) return uses;

  const frames: Frame[] = [{ value: object, node: root, parent: -1, segment: '' }];
  // A stack of frame indexes; children are pushed in reverse so uses come out in document order.
  const stack: number[] = [0];
  while (stack.length > 0) {
    const index = stack.pop() as number;
    const { value, node } = frames[index];
    for (const check of node.checks) {
      if (check.test(value)) uses.push({ check, path: pathOf(frames, index), value });
    }
    const next: number[] = [];
    for (const type of node.enter) {
      frames.push({ value, node: type, parent: index, segment: '' });
      next.push(frames.length - 1);
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const field of node.fields) {
        if (!hasOwn(value, field.name)) continue;
        const child = (value as Record<string, unknown>)[field.name];
        if (!field.array) {
          frames.push({ value: child, node: field.node, parent: index, segment: field.name });
          next.push(frames.length - 1);
        } else if (Array.isArray(child)) {
          frames.push({ value: child, node: field.node, parent: index, segment: field.name });
          const arrayIndex = frames.length - 1;
          for (let i = 0; i < child.length; i++) {
            frames.push({ value: child[i], node: field.node, parent: arrayIndex, segment: `[${i}]` });
            next.push(frames.length - 1);
          }
        }
      }
    }
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
  }
  return uses;
}
