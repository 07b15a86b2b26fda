import type { Matcher } from '@featuregates/gates';
import { allOf, anyOf, field, hasField, lit } from './cel-text';
import { requiredLiterals, toRe2 } from './re2';
import type { View, ViewCheck, ViewField } from './views';

/**
 * CEL cannot recurse, so a walk of the type graph is written out to a fixed depth: `maxDepth` path
 * segments, the gate model's own `maxDepth` (an object with a gated field deeper than that is
 * refused by both). Writing the walk out per place, not per path, keeps each expression's size
 * linear in the depth: fields of one map that lead to the same View (`tasks[]`, `finally[]`) are
 * walked as one concatenated list.
 */
export interface WalkLimits {
  maxDepth: number;
  /** Changed lists up to blockSize × blocks long are compared with the old list element by element (ratcheting); longer ones are not ratcheted. */
  ratchetBlocks: { blockSize: number; blocks: number };
}

export type CheckFilter = (check: ViewCheck) => boolean;

const isList = (x: string): string => `type(${x}) == list`;
const isMap = (x: string): string => `type(${x}) == map`;

/** The gate model's "non-empty": a string, list or map with something in it, or any other value but null. */
const nonEmpty = (v: string): string => `!(${v} == null || ${v} == "" || ${v} == [] || ${v} == {})`;

function stringTest(matcher: Extract<Matcher, { kind: 'pattern' }>, s: string): string {
  const re2 = toRe2(matcher.pattern, matcher.flags);
  const literals = requiredLiterals(matcher.pattern, matcher.flags);
  const prefilter = literals ? [anyOf(literals.map((literal) => `${s}.contains(${lit(literal)})`))] : [];
  return allOf([...prefilter, ...re2.all.map((p) => `${s}.matches(${lit(p)})`), ...re2.none.map((p) => `!${s}.matches(${lit(p)})`)]);
}

const SHORT = /^[A-Za-z_][A-Za-z0-9_]*(\[[01]\])?$/;

/** `body` over the value `x`, which is read once into a variable when it is a longer path (a one-element comprehension binds it). */
function bound(x: string, depth: number, body: (v: string) => string): string {
  if (SHORT.test(x)) return body(x);
  const v = `v${depth}`;
  return `[${x}].exists(${v}, ${body(v)})`;
}

function matcherExpr(matcher: Matcher, x: string, depth: number): string {
  switch (matcher.kind) {
    case 'present':
      return `${x} != null`;
    case 'nonEmpty':
      if (!matcher.anyOf) return bound(x, depth, nonEmpty);
      return bound(x, depth, (v) => `(${isMap(v)} && ${anyOf(matcher.anyOf?.map((child) => `(${hasField(v, child)} && ${nonEmpty(field(v, child))})`) ?? [])})`);
    case 'oneOf':
      return bound(x, depth, (v) => anyOf(matcher.values.map((value) => `${v} == ${lit(value)}`)));
    case 'pattern': {
      // A string, or any string in a list or among a map's values: the pattern is written once.
      const s = `s${depth}`;
      const k = `k${depth}`;
      return bound(x, depth, (v) => `(type(${v}) == string ? [${v}] : ${isList(v)} ? ${v} : ${isMap(v)} ? ${v}.map(${k}, ${v}[${k}]) : []).exists(${s}, type(${s}) == string && ${stringTest(matcher, s)})`);
    }
  }
}

const STEP = (f: ViewField): number => (f.array ? 2 : 1);

/** Fewest segments below a View to a selected check (0 when at it), Infinity when none is reachable. */
function reachOf(select: CheckFilter): (view: View) => number {
  const memo = new Map<View, number>();
  return (start) => {
    const known = memo.get(start);
    if (known !== undefined) return known;
    // Dijkstra over the View graph, backwards from nothing: a small graph, so plain relaxation to a fixed point.
    const distance = new Map<View, number>();
    const all: View[] = [];
    const collect = (view: View) => {
      if (distance.has(view)) return;
      distance.set(view, view.checks.some(select) ? 0 : Infinity);
      all.push(view);
      for (const f of view.fields) collect(f.child);
    };
    collect(start);
    let changed = true;
    while (changed) {
      changed = false;
      for (const view of all) {
        for (const f of view.fields) {
          const through = STEP(f) + (distance.get(f.child) as number);
          if (through < (distance.get(view) as number)) {
            distance.set(view, through);
            changed = true;
          }
        }
      }
    }
    for (const [view, d] of distance) memo.set(view, d);
    return distance.get(start) as number;
  };
}

/** Most segments below a View that the walk can visit; Infinity when the View is on a cycle's way. */
function deepestBelow(): (view: View) => number {
  const memo = new Map<View, number>();
  const onRoute = new Set<View>();
  const visit = (view: View): number => {
    const known = memo.get(view);
    if (known !== undefined) return known;
    if (onRoute.has(view)) return Infinity;
    onRoute.add(view);
    let deepest = 0;
    for (const f of view.fields) deepest = Math.max(deepest, STEP(f) + visit(f.child));
    onRoute.delete(view);
    memo.set(view, deepest);
    return deepest;
  };
  return visit;
}

/** The array fields of a View grouped by the View their elements lead to, in field order. */
function arrayGroups(view: View): ViewField[][] {
  const groups: ViewField[][] = [];
  for (const f of view.fields) {
    if (!f.array) continue;
    const group = groups.find((entry) => entry[0].child === f.child);
    if (group) group.push(f);
    else groups.push([f]);
  }
  return groups;
}

const listOr = (x: string, name: string): string => `(${hasField(x, name)} && ${isList(field(x, name))} ? ${field(x, name)} : [])`;

/**
 * The walks of one kind's type graph, each a CEL string expression that concatenates a token per
 * use found (`tokenOf(check)`, e.g. `|3|`): one walk finds every feature's uses, and a feature's
 * validation asks whether its token is in the result. Checks with no token are not looked for.
 */
export class Walks {
  private readonly reach: (view: View) => number;
  private readonly deepest = deepestBelow();

  constructor(
    private readonly limits: WalkLimits,
    private readonly tokenOf: (check: ViewCheck) => string | undefined,
    /** A CEL condition under which a check is worth running (its feature is off, for the Deny policy); always when undefined. */
    private readonly guardOf: (check: ViewCheck) => string | undefined = () => undefined,
  ) {
    this.reach = reachOf((check) => tokenOf(check) !== undefined);
  }

  private fits(depth: number, f: ViewField): boolean {
    return depth + STEP(f) + this.reach(f.child) <= this.limits.maxDepth;
  }

  private checks(view: View, x: string, depth: number): string[] {
    const parts: string[] = [];
    for (const check of view.checks) {
      const token = this.tokenOf(check);
      if (token === undefined) continue;
      const guard = this.guardOf(check);
      const match = anyOf(check.matchers.map((matcher) => matcherExpr(matcher, x, depth)));
      parts.push(`(${guard ? `${guard} && ` : ''}${match} ? ${lit(token)} : "")`);
    }
    return parts;
  }

  /** The tokens of the uses the value `x` at `depth` holds within the depth limit. */
  uses(view: View, x: string, depth: number): string {
    const parts = this.checks(view, x, depth);
    const inner: string[] = [];
    for (const f of view.fields) {
      if (f.array || !this.fits(depth, f)) continue;
      inner.push(`(${hasField(x, f.name)} ? ${this.uses(f.child, field(x, f.name), depth + 1)} : "")`);
    }
    for (const group of arrayGroups(view)) {
      if (!this.fits(depth, group[0])) continue;
      const e = `e${depth}`;
      inner.push(`(${group.map((f) => listOr(x, f.name)).join(' + ')}).map(${e}, ${this.uses(group[0].child, e, depth + 2)}).join("")`);
    }
    if (inner.length > 0) parts.push(`(${isMap(x)} ? ${inner.join(' + ')} : "")`);
    return parts.length === 0 ? '""' : parts.length === 1 ? parts[0] : `(${parts.join(' + ')})`;
  }

  /**
   * The tokens of the uses `x` (new) holds that `o` (the old object's value at the same path, or
   * null) does not hold with the same value at the same path. Equal subtrees are not walked: every
   * use under them is kept (ratcheted). Needs the `blocks` variable (index lists).
   */
  newUses(view: View, x: string, o: string, depth: number): string {
    const parts = this.checks(view, x, depth);
    const inner: string[] = [];
    const oldField = (name: string) => `(${isMap(o)} && ${hasField(o, name)} ? ${field(o, name)} : null)`;
    for (const f of view.fields) {
      if (f.array || !this.fits(depth, f)) continue;
      // The new and old values are bound as a pair at each step, so the text does not grow with the path.
      const b = `b${depth}`;
      inner.push(`(${hasField(x, f.name)} ? [[${field(x, f.name)}, ${oldField(f.name)}]].map(${b}, ${this.newUses(f.child, `${b}[0]`, `${b}[1]`, depth + 1)}).join("") : "")`);
    }
    for (const group of arrayGroups(view)) {
      if (!this.fits(depth, group[0])) continue;
      const i = `i${depth}`;
      const q = `q${depth}`;
      const c = `c${depth}`;
      const p = `p${depth}`;
      const blk = `k${depth}`;
      const { blockSize, blocks } = this.limits.ratchetBlocks;
      // Chunks of (new, old) pairs. Without an old list every element is new; an equal old list keeps every use;
      // otherwise elements pair by index, the indices drawn from the \`blocks\` variable (CEL has no range).
      const chunks = group.map((f) => {
        const list = field(x, f.name);
        const old = oldField(f.name);
        const counterpart = `(${i} < size(${old}) ? ${old}[${i}] : null)`;
        return (
          `(${hasField(x, f.name)} && ${isList(list)} ? (${isList(old)} && ${list} == ${old} ? [] : ${isList(old)} && size(${list}) <= ${blockSize * blocks} ? ` +
          `variables.blocks.map(${blk}, ${blk}[0] < size(${list}), ${blk}.map(${i}, ${i} < size(${list}), [${list}[${i}], ${counterpart}])) : [${list}.map(${q}, [${q}, null])]) : [])`
        );
      });
      inner.push(`(${chunks.join(' + ')}).map(${c}, ${c}.map(${p}, ${this.newUses(group[0].child, `${p}[0]`, `${p}[1]`, depth + 2)}).join("")).join("")`);
    }
    if (inner.length > 0) parts.push(`(${isMap(x)} ? ${inner.join(' + ')} : "")`);
    return `(${x} == ${o} ? "" : ${parts.length === 0 ? '""' : parts.join(' + ')})`;
  }

  /** Does `x` at `depth` hold anything the walk would visit deeper than the limit (the gate model then refuses the object)? */
  tooDeep(view: View, x: string, depth: number): string {
    const { maxDepth } = this.limits;
    const inner: string[] = [];
    for (const f of view.fields) {
      if (f.array || depth + 1 + this.deepest(f.child) <= maxDepth) continue;
      inner.push(depth + 1 > maxDepth ? hasField(x, f.name) : `(${hasField(x, f.name)} && ${this.tooDeep(f.child, field(x, f.name), depth + 1)})`);
    }
    for (const group of arrayGroups(view)) {
      if (depth + 2 + this.deepest(group[0].child) <= maxDepth) continue;
      const list = `(${group.map((f) => listOr(x, f.name)).join(' + ')})`;
      const e = `e${depth}`;
      inner.push(depth + 2 > maxDepth ? `size(${list}) > 0` : `${list}.exists(${e}, ${this.tooDeep(group[0].child, e, depth + 2)})`);
    }
    return inner.length > 0 ? `(${isMap(x)} && ${anyOf(inner)})` : 'false';
  }

  /** Can a use with a token be found below this View within the limit at all? */
  reachable(view: View): boolean {
    return this.reach(view) <= this.limits.maxDepth;
  }
}

/**
 * Where the selected checks sit, as field path patterns from the root (`spec.tasks[*].matrix`):
 * each View is entered once per route, so recursive embeddings are named once.
 */
export function pathPatterns(root: View, select: CheckFilter): string[] {
  const found: string[] = [];
  const visit = (view: View, prefix: string, route: Set<View>) => {
    if (view.checks.some(select)) found.push(prefix);
    for (const f of view.fields) {
      if (route.has(f.child)) continue;
      route.add(f.child);
      visit(f.child, `${prefix ? `${prefix}.` : ''}${f.name}${f.array ? '[*]' : ''}`, route);
      route.delete(f.child);
    }
  };
  visit(root, '', new Set([root]));
  return [...new Set(found)];
}
