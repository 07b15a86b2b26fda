import { constrained } from '../test-support/catalogs';
import { generateMatrix } from './generate';

describe('the full strategy', () => {
  it('lists every real combination of a small catalog, leaving out the ones the model overrides', () => {
    const matrix = generateMatrix(constrained, 'full', { ceiling: 'alpha' });
    expect(matrix.fullSize).toBe(3 * 2 * 3 * 2);
    // alpha forces legacy on: the 3 × 2 combinations of alpha with legacy=false are not real.
    expect(matrix.configurations).toHaveLength(36 - 6);
    expect(new Set(matrix.configurations.map(({ flags }) => JSON.stringify(flags))).size).toBe(30);
    expect(matrix.configurations[0]).toEqual({ name: 'full-01', flags: { 'enable-api-fields': 'beta', legacy: 'false', mode: 'a', fast: 'true' } });
  });

  it('takes a higher limit when asked', () => {
    expect(() => generateMatrix(constrained, 'full', { ceiling: 'alpha', limit: 10 })).toThrow('more than the limit of 10');
  });
});
