import { parseConfig, type Registry } from '@featuregates/gates';
import { tektonCatalog } from '../catalog';
import { createSnapshot } from '@featuregates/behaviors';

// Read untyped: these are Tekton's facts at run time. The typed reads (a key that does not compile,
// an enum's union) are held by @featuregates/behaviors on a typed fixture, so no release of Tekton's
// catalog breaks this file's compile.
const catalog: Registry = tektonCatalog;
const snapshotOf = (data: Record<string, string>) => {
  const { config } = parseConfig(catalog, data);
  if (!config) throw new Error('bad test config');
  return createSnapshot(catalog, config);
};

describe('a snapshot of Tekton\'s flags', () => {
  it('reads Tekton\'s values: coschedule, an int, a list and the level', () => {
    const snap = snapshotOf({ coschedule: 'pipelineruns', 'disable-inline-spec': 'taskrun,pipeline', 'enable-api-fields': 'alpha' });
    expect(snap.get('coschedule')).toBe('pipelineruns');
    expect(snap.get('max-result-size')).toBe(4096);
    expect(snap.get('disable-inline-spec')).toEqual(['taskrun', 'pipeline']);
    expect(snap.get('enable-api-fields')).toBe('alpha');
    expect(snap.level).toBe('alpha');
  });

  it('names a misspelt, removed or aliased key the way Tekton users need', () => {
    const snap = snapshotOf({});
    expect(() => snap.get('keep-pod-enabled-cancel')).toThrow('unknown flag "keep-pod-enabled-cancel": did you mean "keep-pod-on-cancel"?');
    expect(() => snap.enabled('disable-affinity-assistant')).toThrow('unknown flag "disable-affinity-assistant": it was removed in v1.0.0 (use "coschedule": "disabled" instead)');
    expect(() => snap.get('enforce-nonfalsifiablity')).toThrow('read "enforce-nonfalsifiability"');
    expect(() => snap.enabled('coschedule')).toThrow('"coschedule" is an enum flag, not a boolean: read it with get("coschedule")');
  });

  it('is frozen, lists included, so one reconcile cannot change what the next one sees', () => {
    const snap = snapshotOf({ 'disable-inline-spec': 'taskrun' });
    expect(Object.isFrozen(snap)).toBe(true);
    expect(() => (snap.get('disable-inline-spec') as string[]).push('pipeline')).toThrow(TypeError);
    expect(snap.get('disable-inline-spec')).toEqual(['taskrun']);
    expect(Object.isFrozen(snap.toProvenance())).toBe(true);
  });

  it('answers whether an API feature is on by the gate model\'s rule', () => {
    expect(snapshotOf({}).featureEnabled('matrix')).toBe(true);
    expect(snapshotOf({ 'enable-api-fields': 'stable' }).featureEnabled('matrix')).toBe(false);
    expect(snapshotOf({ 'enable-api-fields': 'stable', 'enable-param-enum': 'true' }).featureEnabled('param-enum')).toBe(true);
    expect(() => snapshotOf({}).featureEnabled('matrx')).toThrow('unknown feature "matrx": did you mean "matrix"?');
  });
});
