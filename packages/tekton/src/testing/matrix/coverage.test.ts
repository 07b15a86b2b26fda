import { effectiveFlags, generateMatrix, matrixKeys, missingPairs } from '@featuregates/testing';
import { tektonCatalog } from '../../catalog';

describe('effectiveFlags', () => {
  it("fills unset keys with what the model decides, an own flag keeping Tekton's default under alpha", () => {
    const keys = matrixKeys(tektonCatalog, 'alpha');
    const filled = effectiveFlags(tektonCatalog, keys, { 'enable-api-fields': 'alpha' }, 'alpha');
    // own-flag-decides (TEP-0138): enable-api-fields: alpha does not turn enable-param-enum on.
    expect(filled['enable-param-enum']).toBe('false');
    expect(effectiveFlags(tektonCatalog, keys, { 'enable-api-fields': 'stable', 'enable-param-enum': 'true' }, 'alpha')['enable-param-enum']).toBe('true');
    expect(filled.coschedule).toBe('workspaces');
    expect(filled['disable-inline-spec']).toBe('');
    expect(Object.keys(filled)).toHaveLength(keys.length);
  });

  it('lets each\'s one-key-at-a-time configurations cover the pairs of each value with the defaults', () => {
    const matrix = generateMatrix(tektonCatalog, 'each', { ceiling: 'alpha' });
    const filled = matrix.configurations.map((configuration) => ({ ...configuration, flags: effectiveFlags(tektonCatalog, matrix.keys, configuration.flags, 'alpha') }));
    const missing = missingPairs(matrix.keys, filled);
    const covered = (a: string, x: string, b: string, y: string) =>
      !missing.some(({ first, second }) => first.key === a && first.value === x && second.key === b && second.value === y);
    expect(covered('enable-api-fields', 'beta', 'coschedule', 'pipelineruns')).toBe(true);
    // Two non-default values never meet in `each`: that is what pairwise is for.
    expect(covered('coschedule', 'pipelineruns', 'disable-creds-init', 'true')).toBe(false);
  });
});
