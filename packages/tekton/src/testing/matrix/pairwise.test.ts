import { parseConfig } from '@featuregates/gates';
import { generateMatrix, missingPairs, pairCount } from '@featuregates/testing';
import { tektonCatalog } from '../../catalog';

describe('the pairwise strategy over Tekton\'s catalog', () => {
  const matrix = generateMatrix(tektonCatalog, 'pairwise', { ceiling: 'alpha' });

  it('covers every pair of values of every two varied keys, checked exhaustively', () => {
    expect(pairCount(matrix.keys)).toBeGreaterThan(900);
    expect(missingPairs(matrix.keys, matrix.configurations)).toEqual([]);
  });

  it('needs far fewer configurations than full: the two four-valued keys bound it from below', () => {
    expect(matrix.fullSize).toBe(37_748_736);
    expect(matrix.configurations.length).toBeLessThanOrEqual(20);
    expect(matrix.configurations.length).toBeGreaterThanOrEqual(16);
  });

  it('sets every varied key in every configuration, and each one parses', () => {
    for (const { flags } of matrix.configurations) {
      expect(Object.keys(flags)).toEqual(matrix.keys.map((entry) => entry.key));
      expect(parseConfig(tektonCatalog, flags).errors).toEqual([]);
    }
  });

  it('is deterministic', () => {
    expect(generateMatrix(tektonCatalog, 'pairwise', { ceiling: 'alpha' })).toEqual(matrix);
  });
});
