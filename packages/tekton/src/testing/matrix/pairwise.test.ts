import { parseConfig } from '@featuregates/gates';
import { generateMatrix, isRealConfiguration, missingPairs, pairCount } from '@featuregates/testing';
import { tektonCatalog } from '../../catalog';
import { fullSizeOf, valueCountsAtAlpha } from '../../test-support/matrix-sizes';

describe('the pairwise strategy over Tekton\'s catalog', () => {
  const matrix = generateMatrix(tektonCatalog, 'pairwise', { ceiling: 'alpha' });

  it('covers every pair of values of every two varied keys that a configuration can hold, checked exhaustively', () => {
    expect(pairCount(matrix.keys)).toBeGreaterThan(matrix.keys.length);
    const possible = ({ first, second }: { first: { key: string; value: string }; second: { key: string; value: string } }) =>
      isRealConfiguration(tektonCatalog, { [first.key]: first.value, [second.key]: second.value }, 'alpha');
    expect(missingPairs(matrix.keys, matrix.configurations, possible)).toEqual([]);
    // `enable-api-fields: alpha` forces a legacy key on (TEP-0033): a varied one's pair with false is the only one left out.
    const impossible = missingPairs(matrix.keys, matrix.configurations);
    const varied = new Set(matrix.keys.map((entry) => entry.key));
    expect(impossible.map(({ first, second }) => `${first.key}=${first.value} ${second.key}=${second.value}`)).toEqual(
      tektonCatalog.flags.filter((flag) => flag.impliedBy === 'alpha' && varied.has(flag.key)).map((flag) => `enable-api-fields=alpha ${flag.key}=false`),
    );
  });

  it('needs far fewer configurations than full: the two keys with the most values bound it from below', () => {
    const counts = [...valueCountsAtAlpha(tektonCatalog).values()].sort((a, b) => b - a);
    expect(matrix.fullSize).toBe(fullSizeOf(valueCountsAtAlpha(tektonCatalog)));
    const lowerBound = counts[0] * counts[1];
    expect(matrix.configurations.length).toBeGreaterThanOrEqual(lowerBound);
    expect(matrix.configurations.length).toBeLessThanOrEqual(2 * lowerBound);
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
