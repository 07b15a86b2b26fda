import fc from 'fast-check';
import { evaluate, kindOf, parseConfig, type Registry, type Stability } from '@featuregates/gates';
import type { PolicySet } from '../policies';
import { buildViews, type View } from '../views';
import { admit, type Decision } from './vap';

export interface Case {
  object: unknown;
  oldObject?: unknown;
  operation: 'CREATE' | 'UPDATE';
  /** The ConfigMap's data, or null for no ConfigMap data at all. */
  data: Record<string, string> | null;
}

export interface Comparison {
  /** False when the config does not parse under this ceiling: the gate model has no decision to compare with. */
  comparable: boolean;
  expected?: { allowed: boolean; warned: string[]; violations: string[]; tooDeep: boolean };
  actual?: Decision & { warned: string[] };
}

const WARNED = /uses (?:alpha|beta) feature "([^"]+)"/;

const warnedFeatures = (warnings: readonly string[]): string[] =>
  [...new Set(warnings.map((warning) => WARNED.exec(warning)?.[1]).filter((name): name is string => name !== undefined))].sort();

/** The gate model's decision and the policies' on one request. */
export function compare(registry: Registry, set: PolicySet, ceiling: Stability, input: Case): Comparison {
  const parsed = parseConfig(registry, input.data ?? {}, { ceiling });
  if (!parsed.config) return { comparable: false };
  const kind = kindOf(input.object);
  if (!kind) throw new Error('a case needs apiVersion and kind');
  const evaluation = evaluate(input.object, { config: parsed.config, operation: input.operation, oldObject: input.oldObject, kind, maxDepth: set.limits.maxDepth });
  const decision = admit(set, { object: input.object, oldObject: input.oldObject, operation: input.operation, kind, params: input.data === null ? { } : { data: input.data } });
  return {
    comparable: true,
    expected: {
      allowed: evaluation.allowed,
      warned: warnedFeatures(evaluation.warnings),
      violations: evaluation.violations.map((violation) => `${violation.path}: ${violation.message}`),
      tooDeep: evaluation.violations.some((violation) => violation.feature === undefined),
    },
    actual: { ...decision, warned: warnedFeatures(decision.warnings) },
  };
}

/**
 * Do the two agree? The same admission, no CEL errors, and the same features warned about, except
 * when the gate model refused the object for its depth (it then walks no further, so warns of nothing).
 */
export function agree(comparison: Comparison): boolean {
  if (!comparison.comparable) return true;
  const { expected, actual } = comparison as Required<Comparison>;
  return actual.errors.length === 0 && expected.allowed === actual.allowed && (expected.tooDeep || expected.warned.join() === actual.warned.join());
}

export function describe(comparison: Comparison): string {
  return JSON.stringify({ expected: comparison.expected, actual: comparison.actual }, null, 2);
}

/** Values a gated field may hold: every matcher's yes and no, empty values, wrong types, JavaScript-only spaces. */
export const LEAVES: readonly unknown[] = [
  null, '', 'x', 0, 2, 2.5, true, false, [], {}, ['a'], [''], { a: 1 },
  '#!magic', ' \u000b#!magic', '\u00a0#!magic', 'echo #!magic', ['x', '#!magic'], { k: '#!magic' },
  'continue', '$(params.mode)', '\n', 'array', 'string',
  { params: [] }, { params: [{ name: 'a' }] }, { include: [{}] }, { include: [] }, { other: [1] },
  'git://repo', 'https://x', '$(steps.s.outputs.o)', '$(tasks.t.outputs.o)', '$(step.artifacts.path)', '#!win', ' #!win',
];

const leaf = fc.constantFrom(...LEAVES);

/**
 * Objects drawn from a catalog's type graph: every field the gate walk follows, at random, holding
 * maps that go on down the graph, arrays of them, or any of LEAVES; down to `depth` segments.
 */
export function objectsOf(registry: Registry, depth: number): fc.Arbitrary<unknown> {
  const views = buildViews(registry);
  const valueAt = (view: View, level: number): fc.Arbitrary<unknown> => {
    if (level > depth || view.fields.length === 0) return leaf;
    const map = mapAt(view, level);
    return fc.oneof({ weight: 1, arbitrary: leaf }, { weight: 3, arbitrary: map });
  };
  const mapAt = (view: View, level: number): fc.Arbitrary<Record<string, unknown>> => {
    const entries: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of view.fields) {
      entries[f.name] = f.array ? fc.oneof({ weight: 4, arbitrary: fc.array(fc.constant(null).chain(() => valueAt(f.child, level + 2)), { maxLength: 3 }) }, { weight: 1, arbitrary: leaf }) : fc.constant(null).chain(() => valueAt(f.child, level + 1));
    }
    return fc.record(entries, { requiredKeys: [] });
  };
  const kinds = registry.kinds.filter((kind) => views.has(kind.type));
  return fc.constantFrom(...kinds).chain((kind) =>
    mapAt(views.get(kind.type) as View, 0).map((fields) => ({
      apiVersion: kind.group ? `${kind.group}/${kind.version}` : kind.version,
      kind: kind.kind,
      metadata: { name: 'x' },
      ...fields,
    })),
  );
}

/** An old object for an UPDATE: the same object, one changed in a few places, or another one altogether. */
export function oldObjectOf(object: unknown, other: unknown, seed: number): unknown {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const mutate = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(mutate);
      const roll = next();
      if (roll < 0.1) items.reverse();
      else if (roll < 0.2) items.pop();
      else if (roll < 0.25) items.push(LEAVES[Math.floor(next() * LEAVES.length)]);
      return items;
    }
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(value)) {
        const roll = next();
        if (key === 'apiVersion' || key === 'kind') out[key] = entry;
        else if (roll < 0.1) continue;
        else if (roll < 0.2) out[key] = LEAVES[Math.floor(next() * LEAVES.length)];
        else out[key] = mutate(entry);
      }
      return out;
    }
    return value;
  };
  const mode = seed % 4;
  if (mode === 0) return structuredClone(object);
  if (mode === 1) return other;
  return mutate(object);
}

/** ConfigMap data drawn from the keys the policies read, in every spelling the model takes (and some it does not). */
export function configsOf(registry: Registry, listValues: Readonly<Record<string, readonly string[]>>): fc.Arbitrary<Record<string, string> | null> {
  const entries: Record<string, fc.Arbitrary<string>> = {
    [registry.apiFieldsKey]: fc.constantFrom('alpha', 'Alpha', 'BETA', 'beta', 'stable', 'Stable', 'bogus'),
  };
  for (const flag of registry.flags) {
    if (flag.feature || flag.impliedBy) entries[flag.key] = fc.constantFrom('true', 'True', '1', 't', 'false', 'F', '0', 'yes');
    const values = listValues[flag.key];
    if (values) entries[flag.key] = fc.constantFrom(...values);
  }
  for (const alias of registry.aliases) if (entries[alias.target]) entries[alias.key] = entries[alias.target];
  return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 6, arbitrary: fc.record(entries, { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>> });
}
