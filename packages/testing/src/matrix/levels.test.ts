import { parseConfig } from '@featuregates/gates';
// The gate model's two-level fixture: stable and alpha only, default stable.
import { twoLevels } from '../../../gates/src/test-support/fixture';
import { missingPairs } from './coverage';
import { generateMatrix } from './generate';

describe('matrices over a catalog with two levels', () => {
  it('each: runs the declared levels only, the default first, then each non-default value', () => {
    const matrix = generateMatrix(twoLevels, 'each', { ceiling: 'alpha' });
    expect(matrix.configurations).toEqual([
      { name: 'enable-api-fields=stable (defaults)', flags: { 'enable-api-fields': 'stable' } },
      { name: 'enable-api-fields=alpha', flags: { 'enable-api-fields': 'alpha' } },
      { name: 'enable-bundles=true', flags: { 'enable-bundles': 'true' } },
      { name: 'mode=safe', flags: { mode: 'safe' } },
      { name: 'mode=wild', flags: { mode: 'wild' } },
    ]);
  });

  it('pairwise: covers every pair over the declared levels, each configuration valid', () => {
    const matrix = generateMatrix(twoLevels, 'pairwise', { ceiling: 'alpha' });
    expect(matrix.keys.find((entry) => entry.key === 'enable-api-fields')?.values).toEqual(['stable', 'alpha']);
    expect(missingPairs(matrix.keys, matrix.configurations)).toEqual([]);
    for (const { flags } of matrix.configurations) expect(parseConfig(twoLevels, flags).errors).toEqual([]);
  });

  it('under a stable ceiling varies no level and no alpha value', () => {
    const matrix = generateMatrix(twoLevels, 'each', { ceiling: 'stable' });
    expect(matrix.keys).toEqual([{ key: 'mode', values: ['fast', 'safe'], default: 'fast' }]);
  });
});
