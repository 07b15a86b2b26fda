import fc from 'fast-check';
import { constrained } from '../test-support/catalogs';
import { missingPairs } from './coverage';
import { generateMatrix } from './generate';
import { fullRows } from './full';
import { pairwiseRows } from './pairwise';
import type { MatrixKey } from './types';

describe('pairwise under constraints', () => {
  it('never pairs a level with a legacy flag it overrides, and covers every other pair', () => {
    const matrix = generateMatrix(constrained, 'pairwise', { ceiling: 'alpha' });
    const impossible = (pair: { first: { key: string; value: string }; second: { key: string; value: string } }) =>
      pair.first.key === 'enable-api-fields' && pair.first.value === 'alpha' && pair.second.key === 'legacy' && pair.second.value === 'false';
    for (const { flags } of matrix.configurations) expect(flags['enable-api-fields'] === 'alpha' && flags.legacy === 'false').toBe(false);
    expect(missingPairs(matrix.keys, matrix.configurations, (pair) => !impossible(pair))).toEqual([]);
    expect(missingPairs(matrix.keys, matrix.configurations)).toEqual([
      { first: { key: 'enable-api-fields', value: 'alpha' }, second: { key: 'legacy', value: 'false' } },
    ]);
  });

  it('covers every pair some valid configuration holds, and emits only valid ones, for any keys and constraints', () => {
    const keysAndConstraints = fc
      .array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 6 })
      .chain((counts) => fc.tuple(fc.constant(counts), fc.array(fc.tuple(fc.nat(5), fc.nat(3), fc.nat(5), fc.nat(3)), { maxLength: 5 })));
    fc.assert(
      fc.property(keysAndConstraints, ([counts, banned]) => {
        const keys: MatrixKey[] = counts.map((count, k) => ({ key: `k${k}`, values: Array.from({ length: count }, (_, v) => `v${v}`), default: 'v0' }));
        const name = (i: number, a: number, j: number, b: number) => (i < j ? `${i}:${a}|${j}:${b}` : `${j}:${b}|${i}:${a}`);
        const forbidden = new Set(banned.map(([i, a, j, b]) => name(i, a, j, b)));
        const feasible = (i: number, a: number, j: number, b: number) => !forbidden.has(name(i, a, j, b));
        const valid = (row: readonly number[]) => row.every((a, i) => row.every((b, j) => i >= j || feasible(i, a, j, b)));
        // Brute force: every pair some valid full configuration holds.
        const reachable = new Set<string>();
        for (const row of fullRows(keys).filter(valid)) for (let i = 0; i < row.length; i++) for (let j = i + 1; j < row.length; j++) reachable.add(name(i, row[i], j, row[j]));

        const rows = pairwiseRows(keys, feasible);
        for (const row of rows) expect(valid(row)).toBe(true);
        const configurations = rows.map((row, index) => ({ name: String(index), flags: Object.fromEntries(row.map((value, k) => [`k${k}`, `v${value}`])) }));
        const at = (text: string) => Number(text.slice(1));
        const missing = missingPairs(keys, configurations, ({ first, second }) => reachable.has(name(at(first.key), at(first.value), at(second.key), at(second.value))));
        expect(missing).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
