import { elidedSegments } from './messages';

/** Paths this long or shorter are rendered in full: real objects nest a few dozen levels, three segments (tasks, [0], pipelineSpec) each. */
export const EXACT_PATH_SEGMENTS = 256;
/** How many leading and trailing segments a longer path keeps around the elision. */
export const ELIDED_PATH_HEAD = 128;
export const ELIDED_PATH_TAIL = 128;

/**
 * The paths met in one evaluation, each interned to a small integer per (parent, segment) pair,
 * so a path is named by one exact id in O(1) and the old and new objects of an UPDATE, walked with
 * the same table, give the same id to the same path. A path is rendered only when asked, in time
 * bounded by the segments it keeps, whatever its depth.
 */
export class PathTable {
  static readonly ROOT = 0;
  private readonly parents: number[] = [-1];
  private readonly segments: string[] = [''];
  private readonly depths: number[] = [0];
  /** Each path's ancestor with ELIDED_PATH_HEAD segments (itself at that depth; -1 when shorter). */
  private readonly heads: number[] = [-1];
  /** segment → parent id → child id: few segments (field names, indexes), so few maps. */
  private readonly children = new Map<string, Map<number, number>>();
  /** Rendered paths of at most EXACT_PATH_SEGMENTS segments, each built from its parent's. */
  private readonly exact: (string | undefined)[] = [''];

  /** The id of `parent` followed by `segment` (a field name, or `[i]` for an element). */
  child(parent: number, segment: string): number {
    let byParent = this.children.get(segment);
    if (!byParent) {
      byParent = new Map();
      this.children.set(segment, byParent);
    }
    let id = byParent.get(parent);
    if (id === undefined) {
      id = this.parents.length;
      const depth = this.depths[parent] + 1;
      this.parents.push(parent);
      this.segments.push(segment);
      this.depths.push(depth);
      this.heads.push(depth === ELIDED_PATH_HEAD ? id : this.heads[parent]);
      this.exact.push(undefined);
      byParent.set(parent, id);
    }
    return id;
  }

  depth(id: number): number {
    return this.depths[id];
  }

  /** `spec.tasks[0].matrix`; above EXACT_PATH_SEGMENTS segments, the middle is left out and counted. */
  render(id: number): string {
    const depth = this.depths[id];
    if (depth <= EXACT_PATH_SEGMENTS) return this.exactPath(id);
    const pieces = [this.exactPath(this.heads[id])];
    for (const segment of [elidedSegments(depth - ELIDED_PATH_HEAD - ELIDED_PATH_TAIL), ...this.lastSegments(id, ELIDED_PATH_TAIL)]) {
      pieces.push(segment.startsWith('[') ? segment : `.${segment}`);
    }
    // Joined into one flat string, not a chain of concatenations: deep paths are many, and long.
    return pieces.join('');
  }

  /** For a path of at most EXACT_PATH_SEGMENTS segments, so the walk up is bounded. */
  private exactPath(id: number): string {
    const unrendered: number[] = [];
    let at = id;
    while (this.exact[at] === undefined) {
      unrendered.push(at);
      at = this.parents[at];
    }
    let path = this.exact[at] as string;
    for (let i = unrendered.length - 1; i >= 0; i--) {
      path = append(path, this.segments[unrendered[i]]);
      this.exact[unrendered[i]] = path;
    }
    return path;
  }

  private lastSegments(id: number, count: number): string[] {
    const segments: string[] = new Array(count);
    for (let i = count - 1, at = id; i >= 0; i--, at = this.parents[at]) segments[i] = this.segments[at];
    return segments;
  }
}

function append(path: string, segment: string): string {
  return segment.startsWith('[') || path === '' ? path + segment : `${path}.${segment}`;
}
