import { getOrInsert } from './get-or-insert';
import { compileMatcher } from './matchers';
import type { ApiFeature, Registry, TypeVariant } from './registry';
import { gatedFeatures } from './removed-features';

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
  /** On a type's root: the type the value is read as instead when it meets the variant's conditions. */
  variant?: { test: (value: unknown) => boolean; node: TrieNode };
  /** On a type's root: templates merged into one of its arrays' elements. */
  templates?: CompiledTemplate[];
}

/** A `TemplateMerge` ready for the walker: the element type's root, and how an element overrides the template. */
export interface CompiledTemplate {
  template: string;
  into: string;
  /** The element type's root: the template is walked as an element, field by field. */
  element: TrieNode;
  fields: readonly string[];
  mergeKeys: ReadonlyMap<string, string>;
  skipElementWith?: string;
}

export interface CompiledRegistry {
  /** Each kind's root node by kind, group and version: looked up on every admission without building a key. */
  roots: Map<string, Map<string, Map<string, TrieNode>>>;
}

const newNode = (): TrieNode => ({ checks: [], enter: [], fields: [] });

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

function fieldNames(path: string): string[] {
  const names = path.split('.');
  for (const name of names) if (!name || name.endsWith('[]') || FORBIDDEN_SEGMENTS.has(name)) throw new Error(`invalid field "${name}" in "${path}": plain field names only`);
  return names;
}

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/** The value at a path of plain field names, reading own properties only. */
function valueAt(value: unknown, names: readonly string[]): unknown {
  let current = value;
  for (const name of names) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || !hasOwn(current, name)) return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}

function compileVariant(variant: TypeVariant): (value: unknown) => boolean {
  const tests = variant.when.map((condition) => {
    const names = fieldNames(condition.path);
    const test = compileMatcher(condition.match);
    return condition.not
      ? (value: unknown) => {
          const found = valueAt(value, names);
          return found !== undefined && found !== null && !test(found);
        }
      : (value: unknown) => test(valueAt(value, names));
  });
  return (value) => tests.some((test) => test(value));
}

/** Every type reachable from `type` through the graph's edges, itself included. */
function reachable(registry: Registry, type: string): Set<string> {
  const seen = new Set([type]);
  const pending = [type];
  while (pending.length > 0) {
    for (const target of Object.values(registry.types[pending.pop() as string] ?? {})) {
      if (!seen.has(target)) {
        seen.add(target);
        pending.push(target);
      }
    }
  }
  return seen;
}

function parseSegment(segment: string): { name: string; array: boolean } {
  return segment.endsWith('[]') ? { name: segment.slice(0, -2), array: true } : { name: segment, array: false };
}

function descend(node: TrieNode, path: string): TrieNode {
  let current = node;
  for (const segment of path.split('.')) {
    const { name, array } = parseSegment(segment);
    if (!name || FORBIDDEN_SEGMENTS.has(name)) {
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
  // Removed features' tombstones too: a use of one is found like any other, and refused.
  for (const feature of gatedFeatures(registry)) {
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
  for (const variant of registry.variants ?? []) {
    if (!registry.types[variant.type] || !registry.types[variant.as]) throw new Error(`variant of ${variant.type} as ${variant.as} names an unknown type`);
    const root = rootOf(variant.type);
    if (root.variant || (registry.variants ?? []).some((other) => other.type === variant.as)) throw new Error(`type ${variant.type} has more than one variant, or a variant of a variant`);
    root.variant = { test: compileVariant(variant), node: rootOf(variant.as) };
  }
  const templated = new Set((registry.templates ?? []).map((template) => template.type));
  for (const template of registry.templates ?? []) {
    const element = registry.types[template.type]?.[`${template.into}[]`];
    if (!element) throw new Error(`template ${template.template} of ${template.type}: ${template.type} has no array ${template.into}[]`);
    fieldNames(template.template);
    const edges = Object.keys(registry.types[template.type]);
    if (edges.some((path) => path.split('.')[0].replace(/\[\]$/, '') === template.template)) throw new Error(`template ${template.template} of ${template.type} is also an edge of the type graph: its uses would count twice`);
    // Walking a template walks its element type once; a template below that would nest walks without bound.
    for (const type of reachable(registry, element)) if (templated.has(type)) throw new Error(`template ${template.template} of ${template.type}: its element type ${element} reaches ${type}, which has a template too`);
    const root = rootOf(template.type);
    (root.templates ??= []).push({
      template: template.template,
      into: template.into,
      element: rootOf(element),
      fields: template.fields.map((field) => fieldNames(field)[0]),
      mergeKeys: new Map(Object.entries(template.mergeKeys ?? {})),
      ...(template.skipElementWith ? { skipElementWith: template.skipElementWith } : {}),
    });
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
