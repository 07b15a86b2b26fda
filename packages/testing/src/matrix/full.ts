import type { MatrixKey } from './types';

/** Every combination of every value: rows of value indices, first key slowest. */
export function fullRows(keys: readonly MatrixKey[]): number[][] {
  let rows: number[][] = [[]];
  for (const entry of keys) rows = rows.flatMap((row) => entry.values.map((_, index) => [...row, index]));
  return rows;
}

export function fullSize(keys: readonly MatrixKey[]): number {
  return keys.reduce((product, entry) => product * entry.values.length, 1);
}
