import { parseConfig, type BehaviorFlag, type Registry } from '@featuregates/gates';
import { tektonCatalog } from '../catalog';
import fc from 'fast-check';
import { fromProvenance } from '@featuregates/behaviors';
import { createSnapshot } from '@featuregates/behaviors';

// Records are read untyped, as a controller reads whatever a run recorded: no release of Tekton's catalog breaks this file's compile.
const catalog: Registry = tektonCatalog;

/** Every value a flag can hold, as ConfigMap text; ints and strings get a few samples. */
function domain(flag: BehaviorFlag): string[] {
  switch (flag.type) {
    case 'bool':
      return ['true', 'false'];
    case 'enum':
      return [...(flag.values ?? [])];
    case 'list':
      return ['', ...(flag.values ?? []), (flag.values ?? []).join(',')];
    case 'int':
      return [String(flag.default), String(flag.min ?? 1), String(flag.max ?? 100000)];
    case 'string':
      return ['', 'x'];
  }
}

const anyConfigData = fc.record(
  Object.fromEntries([
    ['enable-api-fields', fc.constantFrom('stable', 'beta', 'alpha')],
    ...tektonCatalog.flags.map((flag) => [flag.key, fc.constantFrom(...domain(flag))]),
  ]),
  { requiredKeys: [] },
);

describe('fromProvenance', () => {
  it('reads back exactly what toProvenance wrote, for any valid config', () => {
    fc.assert(
      fc.property(anyConfigData, (data) => {
        const { config } = parseConfig(tektonCatalog, data);
        if (!config) return;
        const written = createSnapshot(tektonCatalog, config).toProvenance();
        const reading = fromProvenance(catalog, JSON.parse(JSON.stringify(written)));
        expect(reading.dropped).toEqual([]);
        expect(reading.snapshot.toProvenance()).toEqual(written);
        for (const feature of tektonCatalog.features) expect(reading.snapshot.featureEnabled(feature.name)).toBe(createSnapshot(tektonCatalog, config).featureEnabled(feature.name));
      }),
    );
  });

  it('reads a record of an older release: removed keys dropped with the reason, misspelt keys renamed', () => {
    const old = { 'enable-api-fields': 'stable', 'disable-affinity-assistant': false, 'enforce-nonfalsifiablity': 'spire', coschedule: 'disabled' };
    const reading = fromProvenance(catalog, old);
    expect(reading.dropped).toEqual([{ key: 'disable-affinity-assistant', value: false, reason: 'removed in v1.0.0 (use "coschedule": "disabled" instead)' }]);
    expect(reading.renamed).toEqual([{ from: 'enforce-nonfalsifiablity', to: 'enforce-nonfalsifiability' }]);
    expect(reading.snapshot.get('enforce-nonfalsifiability')).toBe('spire');
    expect(reading.snapshot.level).toBe('stable');
    expect(reading.kept.sort()).toEqual(['coschedule', 'enable-api-fields', 'enforce-nonfalsifiability']);
  });

  it('lets the real key win over its misspelling when a record holds both', () => {
    const reading = fromProvenance(catalog, { 'enforce-nonfalsifiablity': 'spire', 'enforce-nonfalsifiability': 'none' });
    expect(reading.snapshot.get('enforce-nonfalsifiability')).toBe('none');
    expect(reading.dropped.map((entry) => entry.key)).toEqual(['enforce-nonfalsifiablity']);
  });

  it('reads a record of a newer release: unknown keys and values it cannot read are dropped, the rest kept', () => {
    const newer = { coschedule: 'per-namespace', 'enable-time-travel': true, 'keep-pod-on-cancel': true, 'max-result-size': { bytes: 10 } };
    const reading = fromProvenance(catalog, newer);
    expect(reading.dropped).toEqual([
      { key: 'coschedule', value: 'per-namespace', reason: expect.stringContaining('invalid value "per-namespace" for "coschedule"') },
      { key: 'enable-time-travel', value: true, reason: 'not a flag of this release (written by a newer release, or by another project)' },
      { key: 'max-result-size', value: { bytes: 10 }, reason: expect.stringContaining('not a flag value') },
    ]);
    expect(reading.snapshot.enabled('keep-pod-on-cancel')).toBe(true);
    expect(reading.snapshot.get('coschedule')).toBe('workspaces');
  });

  it('reads Tekton\'s own Go-named record without throwing, reporting every key', () => {
    const tekton = { AwaitSidecarReadiness: true, EnableTektonOCIBundles: false, EnableAPIFields: 'beta' };
    const reading = fromProvenance(catalog, tekton);
    expect(reading.dropped.map((entry) => entry.key)).toEqual(['AwaitSidecarReadiness', 'EnableTektonOCIBundles', 'EnableAPIFields']);
    expect(reading.snapshot.enabled('await-sidecar-readiness')).toBe(true);
  });

  it('never throws, whatever the record holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom('coschedule', 'enable-api-fields', 'disable-inline-spec', 'embedded-status', 'x'), fc.anything())), (record) => {
        const reading = fromProvenance(catalog, record);
        expect(reading.snapshot.level).toMatch(/^(stable|beta|alpha)$/);
      }),
    );
  });

  it('says so when the record is not a map at all', () => {
    expect(fromProvenance(catalog, ['coschedule']).dropped).toEqual([{ key: '', value: ['coschedule'], reason: 'the record is not a map of flag keys to values' }]);
    expect(fromProvenance(catalog, undefined).dropped).toEqual([]);
  });
});
