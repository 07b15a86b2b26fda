import { getOrInsert } from './get-or-insert';
import { compileMatcher } from './matchers';
import type { ApiFeature, Registry } from './registry';

/** A check run on the value found at a trie node. */
export interface Check {
  feature: ApiFeature;
  title: string;
  test: (value: unknown) => boolean;
}

/**
 * One node of the compiled type graph: the checks to run on the value here, the types whose
 * fields continue from here, and the fields to follow (`name` or `name[]` for each element).
 */
export interface TrieNode {
  checks: Check[];
  enter: TrieNode[];
  fields: { name: string; array: boolean; node: TrieNode }[];
}

export interface CompiledRegistry {
  /** Each kind's root node by kind, group and version: looked up on every admission without building a key. */
  roots: Map<string, Map<string, Map<string, TrieNode>>>;
}

const newNode = (): TrieNode => ({ checks: [], enter: [], fields: [] });

function parseSegment(segment: string): { name: string; array: boolean } {
  return segment.endsWith('[]') ? { name: segment.slice(0, -2), array: true } : { name: segment, array: false };
}

function descend(node: TrieNode, path: string): TrieNode {
  let current = node;
  for (const segment of path.split('.')) {
    const { name, array } = parseSegment(segment);
    if (!name || name === '__proto__' || name === 'constructor' || name === 'prototype') {
      throw new Error(`invalid path segment "${segment}" in "${path}"`);
    }
    let edge = current.fields.find((field) => field.name === name && field.array === array);
    if (!edge) {
      edge = { name, array, node: newNode() };
      current.fields.push(edge);
    }
    current = edge.node;
  }
  return current;
}

/**
 * Compiles the registry's type graph and every feature's uses into one trie per type, so the
 * walker only ever follows fields some feature cares about: work is linear in the part of the
 * object that can hold a gated field, and unknown subtrees are never visited.
 */
export function compileRegistry(registry: Registry): CompiledRegistry {
  const typeRoots = new Map<string, TrieNode>();
  const rootOf = (type: string): TrieNode => getOrInsert(typeRoots, type, newNode);
  for (const [type, edges] of Object.entries(registry.types)) {
    const root = rootOf(type);
    for (const [path, target] of Object.entries(edges)) {
      if (!registry.types[target]) throw new Error(`type ${type} field ${path} points at unknown type ${target}`);
      descend(root, path).enter.push(rootOf(target));
    }
  }
  for (const feature of registry.features) {
    for (const use of feature.uses) {
      if (!registry.types[use.type]) throw new Error(`feature ${feature.name} uses unknown type ${use.type}`);
      const node = descend(rootOf(use.type), use.path);
      const test = compileMatcher(use.match);
      // One check per feature per node, its matchers or'ed: a value is one use of a feature, however many of its conditions it meets.
      const same = node.checks.find((check) => check.feature === feature);
      if (same) {
        const either = same.test;
        same.test = (value) => either(value) || test(value);
      } else {
        node.checks.push({ feature, title: use.title ?? feature.title, test });
      }
    }
  }
  const roots = new Map<string, Map<string, Map<string, TrieNode>>>();
  for (const kind of registry.kinds) {
    if (!registry.types[kind.type]) throw new Error(`kind ${kind.kind} points at unknown type ${kind.type}`);
    const byGroup = getOrInsert(roots, kind.kind, () => new Map<string, Map<string, TrieNode>>());
    getOrInsert(byGroup, kind.group, () => new Map<string, TrieNode>()).set(kind.version, rootOf(kind.type));
  }
  return { roots };
}

const cache = new WeakMap<Registry, CompiledRegistry>();

export function compiled(registry: Registry): CompiledRegistry {
  return getOrInsert(cache, registry, compileRegistry);
}
