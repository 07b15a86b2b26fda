import { generateMatrix, MatrixTooLargeError } from '@featuregates/testing';
import { tektonCatalog } from '../../catalog';

describe('the full strategy over Tekton\'s catalog', () => {
  it('refuses Tekton\'s catalog, saying how large it is and what to run instead', () => {
    expect(() => generateMatrix(tektonCatalog, 'full', { ceiling: 'alpha' })).toThrow(MatrixTooLargeError);
    expect(() => generateMatrix(tektonCatalog, 'full', { ceiling: 'alpha' })).toThrow(
      /^the full matrix has 37,748,736 configurations \(3 × 4 × .* over 22 keys\), more than the limit of 4,096: use --strategy pairwise \(\d+ configurations cover every pair of values\) or each$/,
    );
  });
});
