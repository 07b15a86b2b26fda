import { parseConfig, type Registry } from '@featuregates/gates';
import { tektonCatalog } from '../catalog';
import { createSnapshot, UnknownFlagError } from '@featuregates/behaviors';

const snapshotOf = (data: Record<string, string>) => {
  const { config } = parseConfig(tektonCatalog, data);
  if (!config) throw new Error('bad test config');
  return createSnapshot(tektonCatalog, config);
};

describe('a snapshot', () => {
  it('reads typed values: enums as their union, bools, ints, lists and the level', () => {
    const snap = snapshotOf({ coschedule: 'pipelineruns', 'keep-pod-on-cancel': 'true', 'disable-inline-spec': 'taskrun,pipeline', 'enable-api-fields': 'alpha' });
    const coschedule: 'workspaces' | 'pipelineruns' | 'isolate-pipelinerun' | 'disabled' = snap.get('coschedule');
    expect(coschedule).toBe('pipelineruns');
    expect(snap.enabled('keep-pod-on-cancel')).toBe(true);
    expect(snap.get('max-result-size')).toBe(4096);
    expect(snap.get('disable-inline-spec')).toEqual(['taskrun', 'pipeline']);
    expect(snap.get('enable-api-fields')).toBe('alpha');
    expect(snap.level).toBe('alpha');
  });

  it('rejects unknown keys and non-boolean reads at compile time over a typed catalog', () => {
    const snap = snapshotOf({});
    // @ts-expect-error a misspelt key is not a key of Tekton's catalog
    expect(() => snap.get('keep-pod-enabled-cancel')).toThrow(UnknownFlagError);
    // @ts-expect-error coschedule is an enum, not a boolean
    expect(() => snap.enabled('coschedule')).toThrow('"coschedule" is an enum flag, not a boolean: read it with get("coschedule")');
    // @ts-expect-error the value is the enum's union, not any string
    const wrong: 'nope' = snap.get('coschedule');
    expect(wrong).toBe('workspaces');
  });

  it('names an unknown key with a did-you-mean over an untyped catalog', () => {
    const { config } = parseConfig(tektonCatalog, {});
    const snap = createSnapshot(tektonCatalog as Registry, config!);
    expect(() => snap.get('keep-pod-enabled-cancel')).toThrow('unknown flag "keep-pod-enabled-cancel": did you mean "keep-pod-on-cancel"?');
    expect(() => snap.enabled('disable-affinity-assistant')).toThrow('unknown flag "disable-affinity-assistant": it was removed in v1.0.0 (use "coschedule": "disabled" instead)');
    expect(() => snap.get('enforce-nonfalsifiablity')).toThrow('read "enforce-nonfalsifiability"');
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
