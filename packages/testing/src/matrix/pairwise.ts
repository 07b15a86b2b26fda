import type { MatrixKey } from './types';

/** Backtracking only happens under constraints; this bounds it. */
const MAX_VISITS = 200_000;

/** Whether two settings can stand in one configuration (`a` and `b` index into the keys' values). */
export type PairFeasible = (i: number, a: number, j: number, b: number) => boolean;

/**
 * The index of every value pair of two keys: pairs of keys i < j laid out one after another, each
 * as a counts[i] × counts[j] block.
 */
class PairSpace {
  readonly size: number;
  private readonly offsets: number[][];

  constructor(private readonly counts: readonly number[]) {
    this.offsets = counts.map(() => new Array<number>(counts.length).fill(-1));
    let next = 0;
    for (let i = 0; i < counts.length; i++) {
      for (let j = i + 1; j < counts.length; j++) {
        this.offsets[i][j] = next;
        next += counts[i] * counts[j];
      }
    }
    this.size = next;
  }

  id(i: number, a: number, j: number, b: number): number {
    return i < j ? this.offsets[i][j] + a * this.counts[j] + b : this.offsets[j][i] + b * this.counts[i] + a;
  }
}

/**
 * A covering array of strength two, built greedily one row at a time (AETG's scheme, made
 * deterministic): each row starts from an uncovered pair of the two keys with the most pairs left,
 * then gives every other key, busiest first, the value that covers the most uncovered pairs with
 * the keys already set — ties going to the value with most pairs still to cover, then to the
 * default — backing up when a constraint leaves a key no value. Pairs that no configuration can
 * hold are not required. Returns rows of value indices.
 */
export function pairwiseRows(keys: readonly MatrixKey[], feasible: PairFeasible): number[][] {
  const counts = keys.map((entry) => entry.values.length);
  const n = counts.length;
  const space = new PairSpace(counts);
  const uncovered = new Uint8Array(space.size);
  // left[i][j]: uncovered pairs of keys i and j; pending[i][a]: uncovered pairs that hold value a of key i.
  const left = counts.map(() => new Array<number>(n).fill(0));
  const pending = counts.map((count) => new Array<number>(count).fill(0));
  let remaining = 0;

  const cover = (i: number, a: number, j: number, b: number) => {
    const id = space.id(i, a, j, b);
    if (!uncovered[id]) return;
    uncovered[id] = 0;
    remaining--;
    left[i][j]--;
    left[j][i]--;
    pending[i][a]--;
    pending[j][b]--;
  };

  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (let a = 0; a < counts[i]; a++) {
        for (let b = 0; b < counts[j]; b++) {
          if (!feasible(i, a, j, b)) continue;
          uncovered[space.id(i, a, j, b)] = 1;
          remaining++;
          left[i][j]++;
          left[j][i]++;
          pending[i][a]++;
          pending[j][b]++;
        }
      }
    }
  }

  const gainOf = (k: number, c: number, row: readonly number[]) => {
    let gain = 0;
    for (let m = 0; m < n; m++) if (row[m] !== -1 && m !== k) gain += uncovered[space.id(k, c, m, row[m])];
    return gain;
  };

  const rows: number[][] = [];
  const busiest = (k: number) => left[k].reduce((sum, count) => sum + count, 0);
  while (remaining > 0) {
    const row = new Array<number>(n).fill(-1);
    const [seedI, seedJ] = busiestKeyPair(left);
    const [seedA, seedB] = firstUncovered(seedI, seedJ, counts, (a, b) => uncovered[space.id(seedI, a, seedJ, b)] === 1);
    row[seedI] = seedA;
    row[seedJ] = seedB;
    const order = [...counts.keys()].filter((k) => row[k] === -1).sort((x, y) => busiest(y) - busiest(x) || x - y);
    if (!completeRow(row, order, counts, feasible, (k, c) => gainOf(k, c, row), (k, c) => pending[k][c])) {
      // No configuration holds this pair together with a value of every other key: not required.
      cover(seedI, seedA, seedJ, seedB);
      continue;
    }
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) cover(i, row[i], j, row[j]);
    rows.push(row);
  }
  return rows;
}

/**
 * Gives each key in order the best value that fits the values already chosen, backing up when a
 * key has none left; false when no completion exists.
 */
function completeRow(
  row: number[],
  order: readonly number[],
  counts: readonly number[],
  feasible: PairFeasible,
  gain: (k: number, c: number) => number,
  pending: (k: number, c: number) => number,
  position = 0,
  budget = { visits: 0 },
): boolean {
  if (position === order.length) return true;
  if (++budget.visits > MAX_VISITS) throw new Error(`the matrix constraints are too tangled to complete a configuration within ${MAX_VISITS} steps`);
  const k = order[position];
  const fits = (c: number) => row.every((value, m) => value === -1 || m === k || feasible(k, c, m, value));
  const candidates = [...Array(counts[k]).keys()]
    .filter(fits)
    .map((c) => ({ c, gain: gain(k, c), pending: pending(k, c) }))
    .sort((x, y) => y.gain - x.gain || y.pending - x.pending || x.c - y.c);
  for (const { c } of candidates) {
    row[k] = c;
    if (completeRow(row, order, counts, feasible, gain, pending, position + 1, budget)) return true;
  }
  row[k] = -1;
  return false;
}

function busiestKeyPair(left: readonly number[][]): [number, number] {
  let pair: [number, number] = [0, 1];
  let most = -1;
  for (let i = 0; i < left.length; i++) {
    for (let j = i + 1; j < left.length; j++) {
      if (left[i][j] > most) {
        most = left[i][j];
        pair = [i, j];
      }
    }
  }
  return pair;
}

function firstUncovered(i: number, j: number, counts: readonly number[], isUncovered: (a: number, b: number) => boolean): [number, number] {
  for (let a = 0; a < counts[i]; a++) for (let b = 0; b < counts[j]; b++) if (isUncovered(a, b)) return [a, b];
  throw new Error('no uncovered pair left for the busiest keys');
}
