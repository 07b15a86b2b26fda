/** The level-default generator on a fixture catalog of its own: announcing a new default level, and flipping it once the policy allows. */
import { join } from 'node:path';
import type { Registry } from '@featuregates/gates';
import { canonicalJson, checkPolicy, diffSnapshots, snapshotOf } from '@featuregates/release';
import type { Tree } from '@nx/devkit';
import { latestTreeSnapshot } from '../finish';
import { changesOf, contentsOf, cutRelease, FIXTURE, fixtureTree, flush } from '../test-support/workspace';
import { levelDefaultGenerator } from './level-default/generator';

const ANNOUNCED = '2027-02-15';
const on = { ...FIXTURE, date: ANNOUNCED, release: 'v1.1.0' };
const MESSAGE = 'beta fields are off by default from then on; opt in with "beta".';
const load = (target: Tree): Registry => (require(join(flush(target), 'catalog.ts')) as { widgetsCatalog: Registry }).widgetsCatalog;

const tree = fixtureTree();
const listed = changesOf(tree, () => levelDefaultGenerator(tree, { ...on, to: 'stable', message: MESSAGE }));
const catalogDir = flush(tree);
const registry = (require(join(catalogDir, 'catalog.ts')) as { widgetsCatalog: Registry }).widgetsCatalog;

/** Cuts the release that ships the announcement, recorded as `level.notice` the way the release package's snapshots do once they know `levelDefaultChange`. */
function shipAnnouncement(target: Tree, version: string, date: string): void {
  const snapshot = cutRelease(target, version, date);
  const change = load(target).levelDefaultChange;
  if (change && !snapshot.level.notice) snapshot.level.notice = { ...change, date, release: version };
  target.write(`${FIXTURE.releases}/${version}/features.json`, canonicalJson(snapshot));
}

describe('level-default --to', () => {
  it('lists the files it would write, as --dry-run prints them', () => {
    expect(listed).toEqual(['CREATE .changeset/fg-level-default-announced-enable-api-fields.md', 'CREATE docs/features.md', `CREATE ${FIXTURE.catalogDir}/entries/level-enable-api-fields.test.ts`, `UPDATE ${FIXTURE.catalogDir}/catalog.ts`]);
  });

  it('writes levelDefaultChange with flipNotBefore 12 months from --date (the catalog has a v1 kind), the default unchanged', () => {
    expect(registry.defaultLevel).toBe('beta');
    expect(registry.levelDefaultChange).toEqual({ to: 'stable', since: 'v1.1.0', message: MESSAGE, flipNotBefore: '2028-02-15' });
  });

  it('leaves a catalog the policy accepts', () => {
    const released = latestTreeSnapshot(tree, FIXTURE.releases);
    if (!released) throw new Error('the fixture has a first release');
    const next = snapshotOf(registry, { version: 'unreleased', date: ANNOUNCED, previous: released });
    expect(checkPolicy(released, next, diffSnapshots(released, next))).toEqual([]);
  });

  it('refuses what cannot be announced, and writes nothing then', () => {
    const fresh = fixtureTree();
    const untouched = contentsOf(fresh);
    expect(() => levelDefaultGenerator(fresh, { ...on, to: 'beta', message: MESSAGE })).toThrow('"beta" is already the default of "enable-api-fields"');
    expect(() => levelDefaultGenerator(fresh, { ...on, to: 'gamma' as 'beta', message: MESSAGE })).toThrow('--to: the new default of "enable-api-fields", one of its levels (alpha, beta, stable), not "gamma"');
    expect(() => levelDefaultGenerator(fresh, { ...on, to: 'stable', message: 'soon' })).toThrow('--message: say in one sentence what users should know (more than 10 characters)');
    expect(() => levelDefaultGenerator(fresh, { ...on, flip: true })).toThrow(
      'no new default of "enable-api-fields" is announced: announce it first (nx g @featuregates/tools:level-default --to LEVEL --message "…"), then flip it once its window has run',
    );
    expect(contentsOf(fresh)).toEqual(untouched);
    expect(() => levelDefaultGenerator(tree, { ...on, to: 'alpha', message: MESSAGE })).toThrow('a new default of "enable-api-fields" is already announced ("stable", not before 2028-02-15): flip it with --flip once its window has run');
  });
});

describe('level-default --flip', () => {
  const flipping = fixtureTree();
  levelDefaultGenerator(flipping, { ...on, to: 'stable', message: MESSAGE });

  it('refuses before the announcement shipped, and before its window ran, naming the date', () => {
    expect(() => levelDefaultGenerator(flipping, { ...FIXTURE, date: '2028-03-01', flip: true })).toThrow(
      'the default of "enable-api-fields" cannot flip to "stable" yet: its announcement has not shipped (the latest release, 1.0.0, does not carry it); release it first, and the flip is allowed from 2028-02-15',
    );
    shipAnnouncement(flipping, '1.1.0', ANNOUNCED);
    expect(() => levelDefaultGenerator(flipping, { ...FIXTURE, date: '2028-02-14', flip: true })).toThrow(
      'the default of "enable-api-fields" cannot flip to "stable" on 2028-02-14: it was announced on 2027-02-15 (release 1.1.0), the policy asks for 12 months because the catalog has v1 kinds, and the announcement promised not before 2028-02-15: allowed from 2028-02-15 (pass --date 2028-02-15 or later)',
    );
  });

  it('flips on the first allowed date: defaultLevel set, the announcement dropped, default-changed in the level history', () => {
    levelDefaultGenerator(flipping, { ...FIXTURE, date: '2028-02-15', release: 'v1.5.0', flip: true });
    const flipped = load(flipping);
    expect(flipped.defaultLevel).toBe('stable');
    expect(flipped.levelDefaultChange).toBeUndefined();
    expect(flipped.apiFieldsHistory.at(-1)).toEqual({ release: 'v1.5.0', date: '2028-02-15', event: 'default-changed', default: 'stable', note: MESSAGE });
    expect(flipping.read(`${FIXTURE.catalogDir}/entries/level-enable-api-fields.test.ts`, 'utf-8')).toContain("expect(parseConfig(catalog, {}).config?.level).toBe('stable');");
    expect(flipping.children(FIXTURE.changesetDir)).toContain('fg-level-default-changed-enable-api-fields.md');
  });
});

describe('the test level-default wrote', () => {
  require(join(catalogDir, 'entries', 'level-enable-api-fields.test.ts'));
});
