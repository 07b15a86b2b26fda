import { generateMatrix, MatrixTooLargeError } from '@featuregates/testing';
import { tektonCatalog } from '../../catalog';
import { fullSizeOf, valueCountsAtAlpha } from '../../test-support/matrix-sizes';

describe('the full strategy over Tekton\'s catalog', () => {
  it('refuses Tekton\'s catalog, saying how large it is and what to run instead', () => {
    const counts = valueCountsAtAlpha(tektonCatalog);
    const size = fullSizeOf(counts).toLocaleString('en-US');
    expect(() => generateMatrix(tektonCatalog, 'full', { ceiling: 'alpha' })).toThrow(MatrixTooLargeError);
    expect(() => generateMatrix(tektonCatalog, 'full', { ceiling: 'alpha' })).toThrow(
      new RegExp(`^the full matrix has ${size} configurations \\(3 × 4 × .* over ${counts.size} keys\\), more than the limit of 4,096: use --strategy pairwise \\(\\d+ configurations cover every pair of values\\) or each$`),
    );
  });
});
