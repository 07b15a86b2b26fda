import { createSnapshot, createSwitches } from '@featuregates/behaviors';
import { parseConfig, type Registry } from '@featuregates/gates';
import { referenceCatalog } from './catalog';
import { COSCHEDULE_MODES, RETIRED_VALUES, referenceFlagsOf } from './flags';
import { podForTaskRun } from './pod-for-task-run';
import { buildTaskRun } from './test-support/task-runs';

const READ_KEYS = Object.keys(RETIRED_VALUES);

/** The reference catalog after a release that removed these keys: each becomes a tombstone, as the remove generator writes it. */
function withRemoved(keys: readonly string[]): Registry {
  return {
    ...referenceCatalog,
    flags: referenceCatalog.flags.filter((flag) => !keys.includes(flag.key)),
    tombstones: [
      ...referenceCatalog.tombstones,
      ...keys.filter((key) => referenceCatalog.flags.some((flag) => flag.key === key)).map((key) => ({ key, lastShipped: 'v9.0.0', removedIn: 'v9.1.0', note: 'removed by a test' })),
    ],
  };
}

const snapshotOf = (catalog: Registry, data: Record<string, string>) => {
  const { config, errors } = parseConfig(catalog, data);
  if (!config) throw new Error(errors.map((error) => error.message).join('; '));
  return createSnapshot(catalog, config);
};

describe('the reference controller when a release removes a key it reads', () => {
  it('reads each key its catalog still holds with the type the controller expects', () => {
    for (const key of READ_KEYS) {
      const flag = referenceCatalog.flags.find((entry) => entry.key === key);
      if (!flag) continue;
      if (key === 'coschedule') {
        expect(flag.type).toBe('enum');
        // A new mode would need a rule of its own in affinity-assistant.ts.
        expect(flag.values).toEqual(COSCHEDULE_MODES);
      } else {
        expect(flag.type).toBe('bool');
      }
    }
  });

  it('keeps its retired value as today\'s default, so a removal changes nothing for clusters on defaults', () => {
    const defaults = snapshotOf(referenceCatalog, {});
    const flags = referenceFlagsOf(defaults);
    for (const [key, retired] of Object.entries(RETIRED_VALUES)) {
      if (!referenceCatalog.flags.some((flag) => flag.key === key)) continue;
      expect(key === 'coschedule' ? flags.get('coschedule') : flags.enabled(key as never)).toBe(retired);
    }
  });

  it('builds the same pod as with the defaults once every key it reads is removed, whatever an old ConfigMap still sets', () => {
    const removed = withRemoved(READ_KEYS);
    const input = buildTaskRun({ sidecars: true });
    const old = { 'set-security-context': 'true', coschedule: 'pipelineruns', 'disable-creds-init': 'true', 'workspace-dir-rename': 'false' };
    const switches = createSwitches({ catalog: removed, source: old, logger: { warn: () => undefined, error: () => undefined } });
    const pod = podForTaskRun(input, switches.snapshot());
    expect(pod).toEqual(podForTaskRun(input, snapshotOf(referenceCatalog, {})));
    expect(pod.spec.initContainers[0].securityContext).toBeUndefined();
    expect(pod.spec.containers[0].volumeMounts?.map((mount) => mount.mountPath)).toContain('/tekton-files/source');
  });

  it('still honours the keys that remain when one is removed', () => {
    const removed = withRemoved(['set-security-context']);
    const pod = podForTaskRun(buildTaskRun(), snapshotOf(removed, { 'disable-creds-init': 'true' }));
    expect(pod.spec.volumes.map((volume) => volume.name)).not.toContain('tekton-internal-secret-volume-github');
    expect(pod.spec.initContainers[0].securityContext).toBeUndefined();
  });
});
