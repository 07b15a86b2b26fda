import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tektonCatalog } from '@featuregates/tekton';
import { canonicalJson } from './canonical-json';
import { snapshotOf } from './snapshot';
import { edit, feature, flag, release, widgets } from './test-support/widgets';

describe('snapshotOf', () => {
  it('freezes what the diff and the policy need: stability, own flag, fields and paths per kind, history', () => {
    const snapshot = snapshotOf(tektonCatalog, { version: '0.1.0', date: '2026-11-25' });
    // Tekton's catalog declares TEP-0138's rule, so the snapshot (and docs, notes built from it) carries it.
    expect(snapshot.level).toEqual({ key: 'enable-api-fields', default: 'beta', ownFlagRule: 'own-flag-decides' });
    expect(snapshot.features.matrix).toMatchObject({
      stability: 'beta',
      fields: ['PipelineTask.matrix'],
      introduced: 'v0.38.0 (alpha)',
      promoted: ['v0.53.0 (beta)'],
    });
    expect(snapshot.features.matrix.paths['tekton.dev/v1 Pipeline']).toEqual(['spec.finally[].matrix', 'spec.tasks[].matrix']);
    expect(snapshot.features['param-enum'].flag).toBe('enable-param-enum');
    expect(snapshot.kinds['tekton.dev/v1 Task'].stability).toBe('stable');
    expect(snapshot.flags['disable-inline-spec']).toMatchObject({ type: 'list', default: '', values: ['pipeline', 'pipelinerun', 'taskrun'] });
    expect(snapshot.tombstones['disable-affinity-assistant']).toMatchObject({ removedIn: 'v1.0.0', replacedBy: 'coschedule' });
    expect(snapshot.aliases['enforce-nonfalsifiablity'].target).toBe('enforce-nonfalsifiability');
  });

  it('is byte-for-byte reproducible, whatever order the catalog lists things in', () => {
    const shuffled = { ...tektonCatalog, features: [...tektonCatalog.features].reverse(), flags: [...tektonCatalog.flags].reverse(), kinds: [...tektonCatalog.kinds].reverse() };
    const a = canonicalJson(snapshotOf(tektonCatalog, { version: '0.1.0', date: '2026-11-25' }));
    expect(canonicalJson(snapshotOf(shuffled, { version: '0.1.0', date: '2026-11-25' }))).toBe(a);
  });

  it('dates a deprecation older than the first release from the catalog history', () => {
    const snapshot = snapshotOf(tektonCatalog, { version: '0.1.0', date: '2026-11-25' });
    expect(snapshot.flags['enable-custom-tasks'].deprecated).toEqual({
      since: 'v0.44.0',
      message: 'custom tasks are always enabled since v0.44.0; the key has no effect',
      date: '2023-01-24',
      release: 'catalog',
    });
  });

  it('dates a notice new in a later release by that release, and keeps the date while it stands', () => {
    const first = release(widgets(), '1.0.0', '2027-01-04');
    // a history date cannot backdate a notice that users only see now
    const deprecated = edit(widgets(), (d) => {
      feature(d, 'fan-out').deprecated = { since: 'v1.3', message: 'use fanOutV2' };
      feature(d, 'fan-out').history = [{ release: 'v1.3', date: '2020-01-01', event: 'deprecated' }];
      flag(d, 'old-style').deprecatedValues = [{ value: true, message: 'the default becomes false' }];
    });
    const second = release(deprecated, '1.1.0', '2027-04-05', first);
    expect(second.features['fan-out'].deprecated).toEqual({ since: 'v1.3', message: 'use fanOutV2', date: '2027-04-05', release: '1.1.0' });
    expect(second.flags['old-style'].deprecatedValues).toEqual([{ value: 'true', since: '1.1.0', message: 'the default becomes false', date: '2027-04-05', release: '1.1.0' }]);
    const third = release(deprecated, '1.2.0', '2027-09-01', second);
    expect(third.features['fan-out'].deprecated?.date).toBe('2027-04-05');
    expect(third.flags['old-style'].deprecatedValues?.[0].release).toBe('1.1.0');
  });

  it('records an announced change of the level default', () => {
    const announced = edit(widgets(), (d) => {
      d.apiFieldsHistory = [{ release: 'v2', event: 'deprecated', default: 'stable', note: 'the default becomes stable' }];
    });
    const snapshot = release(announced, '1.1.0', '2027-02-01', release(widgets(), '1.0.0', '2027-01-04'));
    expect(snapshot.level.notice).toEqual({ to: 'stable', since: 'v2', message: 'the default becomes stable', date: '2027-02-01', release: '1.1.0' });
  });

  it('the committed first release is canonical JSON of the same shape', () => {
    const text = readFileSync(join(__dirname, '../../../releases/0.1.0/features.json'), 'utf8');
    const committed = JSON.parse(text);
    expect(canonicalJson(committed)).toBe(text);
    expect(committed).toMatchObject({ schema: 1, catalog: 'tekton-pipelines', version: '0.1.0', date: '2026-11-25' });
  });
});
