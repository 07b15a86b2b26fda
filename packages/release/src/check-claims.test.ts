import { evaluate, parseConfig, type Registry } from '@featuregates/gates';
// The gate model's two-level fixture (stable and alpha only, as Tekton Triggers has them).
import { twoLevels } from '../../gates/src/test-support/fixture';
import { claimProblems, falseClaims, rebuiltDisagreements } from './check-claims';
import { diffSnapshots } from './diff';
import { objectAt, registryFromSnapshot } from './rebuild-registry';
import { bundleParts } from './release-notes';
import { emptySnapshot, snapshotOf } from './snapshot';
import { edit, feature, flag, release, widgets } from './test-support/widgets';
import type { Snapshot } from './types';

type Change = Parameters<typeof edit>[1];

/** A year of fixture releases: each step changes the catalog, then freezes it; returns every snapshot. */
function releases(start: Registry, steps: readonly [string, string, Change][]): Snapshot[] {
  let registry = start;
  const snapshots = [release(registry, '1.0.0', '2027-01-04')];
  for (const [version, date, change] of steps) {
    registry = edit(registry, change);
    snapshots.push(release(registry, version, date, snapshots[snapshots.length - 1]));
  }
  return snapshots;
}

/** Every false claim in the notes of every release of a history, the first compared with nothing. */
function liesIn(history: readonly Snapshot[]): string[] {
  return history.flatMap((to, index) => {
    const from = history[index - 1] ?? emptySnapshot(to.catalog, to.level.key, to.level.default);
    return falseClaims(from, to, diffSnapshots(from, to));
  });
}

const year: [string, string, Change][] = [
  ['1.1.0', '2027-02-01', (d) => {
    d.features.push({ name: 'sparkle', title: 'sparkle', stability: 'alpha', description: 'Sparkle', flag: 'enable-sparkle', uses: [{ type: 'Part', path: 'sparkle', match: { kind: 'present' } }], history: [] });
    d.flags.push({ key: 'enable-sparkle', type: 'bool', default: false, stability: 'alpha', valueStability: { true: 'alpha' }, feature: 'sparkle', description: 'Own flag of sparkle', history: [] });
    feature(d, 'turbo').stability = 'beta';
    flag(d, 'enable-turbo').valueStability = { true: 'beta' };
    flag(d, 'enable-turbo').stability = 'beta';
  }],
  ['1.2.0', '2027-04-05', (d) => {
    flag(d, 'old-style').defaultChange = { to: false, since: 'v2', message: 'the new layout becomes the default' };
    d.levelDefaultChange = { to: 'alpha', since: 'v2', message: 'alpha by default' };
    feature(d, 'glow').deprecated = { since: 'v2', message: 'glow goes', replacedBy: '`sparkle`' };
    feature(d, 'fan-out').stability = 'stable';
  }],
  ['1.3.0', '2027-06-01', () => undefined],
  ['2.0.0', '2028-04-05', (d) => {
    flag(d, 'old-style').default = false;
    delete flag(d, 'old-style').defaultChange;
    d.defaultLevel = 'alpha';
    delete d.levelDefaultChange;
  }],
];

describe('the claims of the per-bundle notes', () => {
  it('are data the text is printed from: on by default, opt-in with settings, pins the bundle accepts', () => {
    const [, , second] = releases(widgets(), year);
    const first = releases(widgets(), year)[1];
    const parts = bundleParts({ to: second, events: diffSnapshots(first, second) });
    const stable = parts.find((part) => part.bundle === 'stable');
    // The level's default stays `stable` in the stable bundle: nothing to pin there.
    expect(stable?.entries.map((entry) => entry.event.type)).not.toContain('level-default-announced');
    const beta = parts.find((part) => part.bundle === 'beta');
    expect(beta?.entries.find((entry) => entry.event.type === 'level-default-announced')).toBeUndefined();
    const alpha = parts.find((part) => part.bundle === 'alpha');
    const level = alpha?.entries.find((entry) => entry.event.type === 'level-default-announced');
    expect(level?.text).toContain('Pin `enable-api-fields: beta` to keep today\'s behaviour, or `enable-api-fields: alpha` to adopt it now.');
    expect(level?.claims).toEqual([
      { claim: 'accepted', config: { 'enable-api-fields': 'beta' } },
      { claim: 'accepted', config: { 'enable-api-fields': 'alpha' } },
    ]);
    const glow = alpha?.entries.find((entry) => entry.event.type === 'feature-deprecated');
    expect(glow?.text).toContain('Off by default here: set `enable-api-fields: alpha` to use it.');
    expect(glow?.text).toContain('Use `sparkle` instead.');
    expect(glow?.claims.map((claim) => claim.claim)).toEqual(['refused', 'admitted']);
  });

  it('hold for every release of a fixture year, in every bundle', () => {
    expect(liesIn(releases(widgets(), year))).toEqual([]);
  });

  it('hold under the own-flag-decides rule and for a catalog with two levels', () => {
    expect(liesIn(releases({ ...widgets(), ownFlagRule: 'own-flag-decides' }, year))).toEqual([]);
    const gizmos: [string, string, Change][] = [
      ['1.1.0', '2027-02-01', (d) => void (feature(d, 'cel').stability = 'stable')],
      ['1.2.0', '2027-03-01', (d) => void (flag(d, 'mode').defaultChange = { to: 'safe', since: 'v2', message: 'safe by default' })],
    ];
    expect(liesIn(releases(twoLevels, gizmos))).toEqual([]);
  });

  it('catch a "Nothing changes" that is false: a feature that went without a trace is admitted where it was refused', () => {
    const from = release(widgets(), '1.0.0', '2027-01-04');
    const to = release(edit(widgets(), (d) => void (d.features = d.features.filter((entry) => entry.name !== 'glow'))), '1.1.0', '2027-02-01', from);
    // As the notes were before a removal had to leave a tombstone: no event, so every bundle said "Nothing changes".
    expect(falseClaims(from, to, [])).toContain('the stable bundle: the notes say nothing changes, but a use of glow at example.dev/v1 Widget spec.parts[].glow was refused and is not-a-use');
  });

  it('catch advice a bundle refuses, and a wrong on-by-default', () => {
    const snapshot = release(widgets(), '1.0.0', '2027-01-04');
    const registry = registryFromSnapshot(snapshot);
    expect(claimProblems({ claim: 'accepted', config: { 'enable-api-fields': 'beta' } }, 'stable', registry, snapshot, snapshot)).toEqual([
      expect.stringMatching(/^the stable bundle: the notes advise enable-api-fields: "beta", which the bundle refuses: /),
    ]);
    const paths = snapshot.features['fan-out'].paths;
    expect(claimProblems({ claim: 'on-by-default', feature: 'fan-out', paths }, 'beta', registry, snapshot, snapshot)).toEqual([]);
    expect(claimProblems({ claim: 'refused', feature: 'fan-out', paths, config: {} }, 'beta', registry, snapshot, snapshot)).toEqual([
      'the beta bundle: the notes say a use of fan-out at example.dev/v1 Widget spec.parts[].fanOut is refused under its defaults, but it is admitted',
      'the beta bundle: the notes say a use of fan-out at example.dev/v1beta1 Widget spec.parts[].fanOut is refused under its defaults, but it is admitted',
    ]);
  });
});

describe('a registry rebuilt from a snapshot', () => {
  it('decides every use as the catalog does, in every bundle, by default and when all is turned on', () => {
    expect(rebuiltDisagreements(widgets())).toEqual([]);
    expect(rebuiltDisagreements({ ...widgets(), ownFlagRule: 'own-flag-decides' })).toEqual([]);
    expect(rebuiltDisagreements(twoLevels)).toEqual([]);
  });

  it('sets a claimed YAML path in a minimal object of its kind', () => {
    expect(objectAt('example.dev/v1 Widget', 'spec.parts[].fanOut')).toEqual({ apiVersion: 'example.dev/v1', kind: 'Widget', metadata: { name: 'claim' }, spec: { parts: [{ fanOut: 'x' }] } });
  });

  it('catches a registry that decides otherwise', () => {
    const lying = edit(widgets(), (d) => void (feature(d, 'fan-out').stability = 'alpha'));
    const snapshot = snapshotOf(widgets(), { version: 'unreleased', date: '1970-01-01' });
    const config = parseConfig(lying, {}, { ceiling: 'beta' }).config;
    const rebuilt = parseConfig(registryFromSnapshot(snapshot), {}, { ceiling: 'beta' }).config;
    const object = objectAt('example.dev/v1 Widget', 'spec.parts[].fanOut');
    expect(config && evaluate(object, { config }).allowed).toBe(false);
    expect(rebuilt && evaluate(object, { config: rebuilt }).allowed).toBe(true);
  });
});

/** Whether the gate model refuses a removed feature's fields yet (the `model` helper's half of issue 13). */
function refusesRemovedFeatures(): boolean {
  const registry = edit(widgets(), (d) => {
    d.features = d.features.filter((entry) => entry.name !== 'glow');
    d.removedFeatures = [{ name: 'glow', title: 'glow', stability: 'alpha', description: 'Glow', uses: [{ type: 'Part', path: 'glow', match: { kind: 'present' } }], removedIn: 'v3', note: 'gone', history: [] }];
  });
  const config = parseConfig(registry, {}, { ceiling: 'alpha' }).config;
  return config !== undefined && !evaluate(objectAt('example.dev/v1 Widget', 'spec.parts[].glow'), { config }).allowed;
}

(refusesRemovedFeatures() ? describe : describe.skip)('the claims about a removed feature (once the gate model refuses its fields)', () => {
  it('say a use is refused in every bundle, and that holds', () => {
    const removal: [string, string, Change][] = [
      ['1.1.0', '2027-02-01', (d) => void (feature(d, 'glow').deprecated = { since: 'v2', message: 'glow goes' })],
      ['1.2.0', '2027-03-01', (d) => {
        d.features = d.features.filter((entry) => entry.name !== 'glow');
        d.removedFeatures = [{ name: 'glow', title: 'glow', stability: 'alpha', description: 'Glow', uses: [{ type: 'Part', path: 'glow', match: { kind: 'present' } }], removedIn: 'v3', note: 'it never worked', history: [] }];
      }],
    ];
    const history = releases(widgets(), removal);
    expect(liesIn(history)).toEqual([]);
  });
});
