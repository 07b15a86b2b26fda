import { tektonCatalog } from '../../catalog';
import { matrixKeys } from '@featuregates/testing';
import { valueCountsAtAlpha } from '../../test-support/matrix-sizes';

describe('matrixKeys', () => {
  const keys = new Map(matrixKeys(tektonCatalog, 'alpha').map((entry) => [entry.key, entry.values]));

  it("varies Tekton's level and flags over their values, the default first", () => {
    expect(keys.get('enable-api-fields')).toEqual(['beta', 'stable', 'alpha']);
    expect(keys.get('coschedule')).toEqual(['workspaces', 'pipelineruns', 'isolate-pipelinerun', 'disabled']);
    expect(keys.get('await-sidecar-readiness')).toEqual(['true', 'false']);
    expect(keys.get('keep-pod-on-cancel')).toEqual(['false', 'true']);
    expect(keys.get('disable-inline-spec')).toEqual(['', 'pipeline', 'pipelinerun', 'taskrun']);
    expect(keys.get('enable-param-enum')).toEqual(['false', 'true']);
  });

  it('varies every key of the catalog with more than one value, deprecated ones included, and no int or string', () => {
    const expected = valueCountsAtAlpha(tektonCatalog);
    expect(new Map([...keys].map(([key, values]) => [key, values.length]))).toEqual(expected);
    for (const flag of tektonCatalog.flags.filter((entry) => entry.deprecated)) expect(keys.get(flag.key)?.length ?? 0).toBe(flag.impliedBy ? 0 : 2);
    expect(keys.has('max-result-size')).toBe(false);
    for (const tombstone of tektonCatalog.tombstones) expect(keys.has(tombstone.key)).toBe(false);
  });

  it('keeps only what a stable bundle can set', () => {
    const stable = new Map(matrixKeys(tektonCatalog, 'stable').map((entry) => [entry.key, entry.values]));
    expect(stable.has('enable-api-fields')).toBe(false);
    expect(stable.get('coschedule')).toEqual(['workspaces', 'disabled']);
    expect(stable.has('enable-param-enum')).toBe(false);
    expect(stable.get('await-sidecar-readiness')).toEqual(['true', 'false']);
    for (const flag of tektonCatalog.flags.filter((entry) => entry.feature)) {
      const feature = tektonCatalog.features.find((entry) => entry.name === flag.feature)!;
      if (feature.stability !== 'stable') expect(stable.get(flag.key) ?? []).not.toContain('true');
    }
  });
});
