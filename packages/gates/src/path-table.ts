import { getOrInsert } from './get-or-insert';
import { elidedSegments } from './messages';

/** Paths this long or shorter are rendered in full: real objects nest a few dozen levels, three segments (tasks, [0], pipelineSpec) each. */
export const EXACT_PATH_SEGMENTS = 256;
/** How many leading and trailing segments a longer path keeps around the elision. */
export const ELIDED_PATH_HEAD = 128;
export const ELIDED_PATH_TAIL = 128;

/** A field name, or an element's index. */
export type PathSegment = string | number;

const newInterned = (): Map<number, number> => new Map();

/**
 * The paths met in one evaluation, as a tree of entries: `child` appends one entry (a parent and a
 * segment) in O(1), with no lookup, so walking a field costs next to nothing. Two entries for the
 * same path (the old and new objects of an UPDATE, walked with the same table) share one
 * `canonical` id, interned on demand and memoized, so only the paths of uses pay for interning
 * and the work stays linear in the entries however deep they are. A path is rendered only when
 * asked, in time bounded by the segments it keeps. What only interning and very deep paths need
 * is allocated on first use: most evaluations need neither.
 */
export class PathTable {
  static readonly ROOT = 0;
  private readonly parents: number[] = [-1];
  private readonly segments: PathSegment[] = [''];
  private readonly depths: number[] = [0];
  /** Rendered paths of at most EXACT_PATH_SEGMENTS segments, each built from its parent's; made at the first rendering. */
  private exact: (string | undefined)[] | undefined;
  /** Entries of ELIDED_PATH_HEAD segments or more → their ancestor with exactly that many. */
  private heads: Map<number, number> | undefined;
  /** Each entry's canonical id, once asked for. */
  private canonicals: Map<number, number> | undefined;
  /** segment → canonical parent → canonical child: few segments (field names, indexes), so few maps. */
  private interned: Map<PathSegment, Map<number, number>> | undefined;

  /** A new entry for `parent` followed by `segment`. */
  child(parent: number, segment: PathSegment): number {
    const id = this.parents.length;
    const depth = this.depths[parent] + 1;
    this.parents.push(parent);
    this.segments.push(segment);
    this.depths.push(depth);
    if (this.exact) this.exact.push(undefined);
    if (depth >= ELIDED_PATH_HEAD) {
      this.heads ??= new Map();
      this.heads.set(id, depth === ELIDED_PATH_HEAD ? id : (this.heads.get(parent) as number));
    }
    return id;
  }

  /** The same number for every entry with the same path. */
  canonical(id: number): number {
    const canonicals = (this.canonicals ??= new Map([[PathTable.ROOT, PathTable.ROOT]]));
    const interned = (this.interned ??= new Map());
    const pending: number[] = [];
    let at = id;
    while (!canonicals.has(at)) {
      pending.push(at);
      at = this.parents[at];
    }
    let canonical = canonicals.get(at) as number;
    for (let i = pending.length - 1; i >= 0; i--) {
      const byParent = getOrInsert(interned, this.segments[pending[i]], newInterned);
      let next = byParent.get(canonical);
      if (next === undefined) {
        // The first entry of a path is its canonical id.
        next = pending[i];
        byParent.set(canonical, next);
      }
      canonicals.set(pending[i], next);
      canonical = next;
    }
    return canonical;
  }

  depth(id: number): number {
    return this.depths[id];
  }

  /** `spec.tasks[0].matrix`; above EXACT_PATH_SEGMENTS segments, the middle is left out and counted. */
  render(id: number): string {
    const depth = this.depths[id];
    if (depth <= EXACT_PATH_SEGMENTS) return this.exactPath(id);
    const pieces = [this.exactPath(this.heads?.get(id) as number), `.${elidedSegments(depth - ELIDED_PATH_HEAD - ELIDED_PATH_TAIL)}`];
    for (const segment of this.lastSegments(id, ELIDED_PATH_TAIL)) pieces.push(typeof segment === 'number' ? `[${segment}]` : `.${segment}`);
    // Joined into one flat string, not a chain of concatenations: deep paths are many, and long.
    return pieces.join('');
  }

  /** For a path of at most EXACT_PATH_SEGMENTS segments, so the walk up is bounded. */
  private exactPath(id: number): string {
    if (!this.exact) {
      this.exact = new Array(this.parents.length);
      this.exact[PathTable.ROOT] = '';
    }
    const exact = this.exact;
    const unrendered: number[] = [];
    let at = id;
    let path: string | undefined;
    while ((path = exact[at]) === undefined) {
      unrendered.push(at);
      at = this.parents[at];
    }
    for (let i = unrendered.length - 1; i >= 0; i--) {
      path = append(path as string, this.segments[unrendered[i]]);
      exact[unrendered[i]] = path;
    }
    return path as string;
  }

  private lastSegments(id: number, count: number): PathSegment[] {
    const segments: PathSegment[] = new Array(count);
    for (let i = count - 1, at = id; i >= 0; i--, at = this.parents[at]) segments[i] = this.segments[at];
    return segments;
  }
}

function append(path: string, segment: PathSegment): string {
  if (typeof segment === 'number') return `${path}[${segment}]`;
  return path === '' ? segment : `${path}.${segment}`;
}
