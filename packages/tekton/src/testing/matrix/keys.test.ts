import { tektonCatalog } from '../../catalog';
import { matrixKeys } from '@featuregates/testing';

describe('matrixKeys', () => {
  const keys = new Map(matrixKeys(tektonCatalog, 'alpha').map((entry) => [entry.key, entry.values]));

  it('varies the level and every behaviour flag that is not deprecated, the default first', () => {
    expect(keys.get('enable-api-fields')).toEqual(['beta', 'stable', 'alpha']);
    expect(keys.get('coschedule')).toEqual(['workspaces', 'pipelineruns', 'isolate-pipelinerun', 'disabled']);
    expect(keys.get('await-sidecar-readiness')).toEqual(['true', 'false']);
    expect(keys.get('keep-pod-on-cancel')).toEqual(['false', 'true']);
    expect(keys.get('disable-inline-spec')).toEqual(['', 'pipeline', 'pipelinerun', 'taskrun']);
    expect(keys.size).toBe(22);
  });

  it('leaves out deprecated keys and keys with no on and off (ints, strings)', () => {
    for (const key of ['enable-custom-tasks', 'enable-tekton-oci-bundles', 'send-cloudevents-for-runs', 'enable-step-actions', 'max-result-size']) expect(keys.has(key)).toBe(false);
  });

  it('keeps only what a stable bundle can set', () => {
    const stable = new Map(matrixKeys(tektonCatalog, 'stable').map((entry) => [entry.key, entry.values]));
    expect(stable.has('enable-api-fields')).toBe(false);
    expect(stable.get('coschedule')).toEqual(['workspaces', 'disabled']);
    expect(stable.has('enable-param-enum')).toBe(false);
    expect(stable.get('await-sidecar-readiness')).toEqual(['true', 'false']);
  });
});
