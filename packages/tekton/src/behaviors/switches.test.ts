import type { Registry as GateRegistry } from '@featuregates/gates';
import { tektonCatalog } from '../catalog';
import { Registry } from 'prom-client';
import { referenceCatalog, workspaceDirRename } from './catalog';
import { createSwitches } from '@featuregates/behaviors';
import { recordingLogger } from '../../../behaviors/src/test-support/logs';
import { mutableSource } from '../../../behaviors/src/test-support/mutable-source';
import { announcedDefaultWarnings } from '../test-support/announced-defaults';

/** The reference catalog as it stood in its deprecation phase: `false` is still the default, and deprecated. */
const deprecationPhase: GateRegistry = {
  ...referenceCatalog,
  flags: referenceCatalog.flags.map((flag) => (flag.key === workspaceDirRename.key ? { ...flag, default: false } : flag)),
};

describe('createSwitches', () => {
  it('takes a plain map and refuses an invalid one, naming the problem', () => {
    const switches = createSwitches({ catalog: tektonCatalog, source: { coschedule: 'disabled' }, logger: recordingLogger() });
    expect(switches.snapshot().get('coschedule')).toBe('disabled');
    expect(() => createSwitches({ catalog: tektonCatalog, source: { 'keep-pod-enabled-cancel': 'true' }, logger: recordingLogger() })).toThrow(
      'invalid feature-flags config: unknown key "keep-pod-enabled-cancel": did you mean "keep-pod-on-cancel"?',
    );
  });

  it('applies a ceiling to a plain map', () => {
    expect(() => createSwitches({ catalog: tektonCatalog, source: { 'enable-api-fields': 'alpha' }, ceiling: 'stable', logger: recordingLogger() })).toThrow('stable bundle');
  });

  it('hands out the same frozen snapshot until the config changes, then tells listeners', () => {
    const source = mutableSource(tektonCatalog, { 'await-sidecar-readiness': 'true' });
    const switches = createSwitches({ catalog: tektonCatalog, source, logger: recordingLogger() });
    const first = switches.snapshot();
    expect(switches.snapshot()).toBe(first);
    const seen: [boolean, boolean][] = [];
    switches.onChange((next, previous) => seen.push([next.enabled('await-sidecar-readiness'), previous.enabled('await-sidecar-readiness')]));
    source.set({ 'await-sidecar-readiness': 'false' });
    expect(seen).toEqual([[false, true]]);
    expect(first.enabled('await-sidecar-readiness')).toBe(true);
    expect(switches.snapshot().enabled('await-sidecar-readiness')).toBe(false);
  });

  it('fires no change event when a reload changes nothing', () => {
    const source = mutableSource(tektonCatalog, { coschedule: 'disabled' });
    const switches = createSwitches({ catalog: tektonCatalog, source, logger: recordingLogger() });
    const first = switches.snapshot();
    const listener = jest.fn();
    switches.onChange(listener);
    source.set({ coschedule: 'disabled' });
    source.set({ coschedule: 'disabled', 'enable-api-fields': 'beta', 'await-sidecar-readiness': 'true' });
    expect(listener).not.toHaveBeenCalled();
    expect(switches.snapshot()).toBe(first);
    source.set({ coschedule: 'disabled', 'enable-api-fields': 'alpha' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps the last good config when the source turns bad, and logs the rejection once per load', () => {
    const logger = recordingLogger();
    const source = mutableSource(tektonCatalog, { coschedule: 'pipelineruns' });
    const switches = createSwitches({ catalog: tektonCatalog, source, logger });
    const listener = jest.fn();
    switches.onChange(listener);
    source.set({ coschedule: 'pipelinerun' });
    expect(switches.snapshot().get('coschedule')).toBe('pipelineruns');
    expect(listener).not.toHaveBeenCalled();
    expect(logger.errors).toEqual([expect.stringContaining('feature-flags config rejected, keeping the last good one: invalid value "pipelinerun" for "coschedule"')]);
    source.set({ coschedule: 'disabled' });
    expect(switches.snapshot().get('coschedule')).toBe('disabled');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('refuses a snapshot until a source has loaded a good config', () => {
    const source = mutableSource(tektonCatalog, { 'enable-api-fields': 'betta' });
    const switches = createSwitches({ catalog: tektonCatalog, source, logger: recordingLogger() });
    expect(() => switches.snapshot()).toThrow('no valid feature-flags config has loaded yet: invalid value "betta"');
    source.set({});
    expect(switches.snapshot().level).toBe('beta');
  });

  it('warns once per key and value when a deprecated value is in use, the default included', () => {
    const logger = recordingLogger();
    const source = mutableSource(deprecationPhase, {});
    createSwitches({ catalog: deprecationPhase, source, logger });
    // Besides the deprecation, an empty ConfigMap hears of every default change the catalog announces.
    const announced = announcedDefaultWarnings(deprecationPhase, {});
    expect(logger.warnings).toEqual([
      '"workspace-dir-rename": value "false" is deprecated: workspaces are mounted at /tekton-files/NAME; refer to them as $(workspaces.NAME.path), then remove the key (it is the default: set "workspace-dir-rename" explicitly to choose)',
      ...announced,
    ]);
    source.set({ 'workspace-dir-rename': 'true' });
    source.set({ 'workspace-dir-rename': 'false', coschedule: 'disabled' });
    source.set({ 'workspace-dir-rename': 'false', coschedule: 'workspaces' });
    expect(logger.warnings).toHaveLength(1 + announced.length);
  });

  it('warns once for a deprecated key in use and once for a removed key', () => {
    const logger = recordingLogger();
    const source = mutableSource(tektonCatalog, { 'enable-custom-tasks': 'true' });
    createSwitches({ catalog: tektonCatalog, source, logger });
    source.set({ 'enable-custom-tasks': 'true', 'disable-affinity-assistant': 'true' });
    source.set({ 'enable-custom-tasks': 'true', 'disable-affinity-assistant': 'true', coschedule: 'disabled' });
    expect(logger.warnings).toEqual([
      '"enable-custom-tasks" is deprecated: custom tasks are always enabled since v0.44.0; the key has no effect',
      // The first ConfigMap leaves the keys of any announced default change unset: each is told once.
      ...announcedDefaultWarnings(tektonCatalog, { 'enable-custom-tasks': 'true' }),
      expect.stringContaining('"disable-affinity-assistant" was removed in v1.0.0'),
    ]);
  });

  it('does not warn about the current default, only of a change of it the catalog announces', () => {
    const logger = recordingLogger();
    createSwitches({ catalog: referenceCatalog, source: {}, logger });
    expect(logger.warnings).toEqual(announcedDefaultWarnings(referenceCatalog, {}));
  });

  it('reports featuregates_feature_enabled on the registry it is given and keeps it current', async () => {
    const registry = new Registry();
    const source = mutableSource(tektonCatalog, { 'enable-api-fields': 'stable' });
    createSwitches({ catalog: tektonCatalog, source, logger: recordingLogger(), metrics: { registry } });
    const text = async () => registry.metrics();
    // A flag's stage is its stability in the catalog, which a release may promote.
    const keepPod = `featuregates_feature_enabled{name="keep-pod-on-cancel",stage="${tektonCatalog.flags.find((flag) => flag.key === 'keep-pod-on-cancel')?.stability}"}`;
    expect(await text()).toContain('featuregates_feature_enabled{name="matrix",stage="beta"} 0');
    expect(await text()).toContain(`${keepPod} 0`);
    source.set({ 'enable-api-fields': 'beta', 'keep-pod-on-cancel': 'true' });
    expect(await text()).toContain('featuregates_feature_enabled{name="matrix",stage="beta"} 1');
    expect(await text()).toContain(`${keepPod} 1`);
  });

  it('shares one gauge when two switches (or a webhook) report on one registry', () => {
    const registry = new Registry();
    createSwitches({ catalog: tektonCatalog, source: {}, logger: recordingLogger(), metrics: { registry } });
    expect(() => createSwitches({ catalog: tektonCatalog, source: {}, logger: recordingLogger(), metrics: { registry } })).not.toThrow();
    expect(registry.getMetricsAsArray()).toHaveLength(1);
  });

  it('logs a listener that throws and still tells the others', () => {
    const logger = recordingLogger();
    const source = mutableSource(tektonCatalog);
    const switches = createSwitches({ catalog: tektonCatalog, source, logger });
    const after = jest.fn();
    switches.onChange(() => {
      throw new Error('boom');
    });
    switches.onChange(after);
    source.set({ coschedule: 'disabled' });
    expect(after).toHaveBeenCalledTimes(1);
    expect(logger.errors).toEqual(['a feature-flags change listener threw: boom']);
  });

  it('stops following the source when closed, and unsubscribed listeners hear nothing', async () => {
    const source = mutableSource(tektonCatalog);
    const switches = createSwitches({ catalog: tektonCatalog, source, logger: recordingLogger() });
    const listener = jest.fn();
    const unsubscribe = switches.onChange(listener);
    unsubscribe();
    source.set({ coschedule: 'disabled' });
    expect(listener).not.toHaveBeenCalled();
    await switches.close();
    expect(source.listenerCount()).toBe(0);
    source.set({ coschedule: 'pipelineruns' });
    expect(switches.snapshot().get('coschedule')).toBe('disabled');
  });

  it('reads provenance against its own catalog', () => {
    const switches = createSwitches({ catalog: tektonCatalog, source: {}, logger: recordingLogger() });
    expect(switches.fromProvenance({ coschedule: 'disabled' }).snapshot.get('coschedule')).toBe('disabled');
  });
});
