/** The default generator on a fixture catalog of its own: announcing a new default of a flag, and flipping it once the policy allows. */
import { join } from 'node:path';
import type { Registry } from '@featuregates/gates';
import { canonicalJson, checkPolicy, diffSnapshots, eventsWithoutChangeset, snapshotOf, type Snapshot } from '@featuregates/release';
import type { Tree } from '@nx/devkit';
import { latestTreeSnapshot } from '../finish';
import { changesOf, contentsOf, cutRelease, FIXTURE, fixtureTree, flush } from '../test-support/workspace';
import { defaultGenerator } from './default/generator';
import { flagGenerator } from './flag/generator';

const ANNOUNCED = '2027-02-15';
const on = { ...FIXTURE, date: ANNOUNCED, release: 'v1.1.0' };

const tree = fixtureTree();
const listed = changesOf(tree, () => defaultGenerator(tree, { ...on, name: 'keep-scraps', to: 'false', message: 'scraps fill the disk; keep them only when you need them.' }));
defaultGenerator(tree, { ...on, name: 'paint-mode', to: 'gloss', message: 'gloss paint lasts longer.' });
defaultGenerator(tree, { ...on, name: 'fast-polish', to: 'true', message: 'one-pass polish is the norm now.' });
const catalogDir = flush(tree);
const registry = (require(join(catalogDir, 'catalog.ts')) as { widgetsCatalog: Registry }).widgetsCatalog;
const flag = (key: string) => registry.flags.find((entry) => entry.key === key);

/**
 * Cuts the release that ships the announcements. The snapshot records each announcement as the
 * release package's snapshots do once they know `defaultChange` (`flags[key].defaultChange`, dated by
 * the release that first shipped it); written here too, so the test holds on either side of that.
 */
function shipAnnouncements(target: Tree, version: string, date: string): void {
  const snapshot = cutRelease(target, version, date) as Snapshot & { flags: Record<string, { defaultChange?: unknown }> };
  const catalog = (require(join(flush(target), 'catalog.ts')) as { widgetsCatalog: Registry }).widgetsCatalog;
  for (const entry of catalog.flags) {
    if (entry.defaultChange && !snapshot.flags[entry.key].defaultChange) {
      snapshot.flags[entry.key].defaultChange = { ...entry.defaultChange, to: String(entry.defaultChange.to), date, release: version };
    }
  }
  target.write(`${FIXTURE.releases}/${version}/features.json`, canonicalJson(snapshot));
}

describe('default --to: announcing a new default', () => {
  it('lists the files it would write, as --dry-run prints them', () => {
    expect(listed).toEqual(['CREATE .changeset/fg-flag-default-announced-keep-scraps.md', 'CREATE docs/features.md', `CREATE ${FIXTURE.catalogDir}/entries/flag-keep-scraps.test.ts`, `UPDATE ${FIXTURE.catalogDir}/flags.ts`]);
  });

  it('writes defaultChange with flipNotBefore the policy window from --date: 12 months for a stable flag, 9 for beta, none for alpha', () => {
    expect(flag('keep-scraps')).toMatchObject({ default: true, defaultChange: { to: false, since: 'v1.1.0', message: 'scraps fill the disk; keep them only when you need them.', flipNotBefore: '2028-02-15' } });
    expect(flag('paint-mode')).toMatchObject({ default: 'matte', defaultChange: { to: 'gloss', since: 'v1.1.0', message: 'gloss paint lasts longer.', flipNotBefore: '2027-11-15' } });
    expect(flag('fast-polish')?.defaultChange).toEqual({ to: true, since: 'v1.1.0', message: 'one-pass polish is the norm now.' });
  });

  it('leaves a catalog the policy accepts', () => {
    const released = latestTreeSnapshot(tree, FIXTURE.releases);
    if (!released) throw new Error('the fixture has a first release');
    const next = snapshotOf(registry, { version: 'unreleased', date: ANNOUNCED, previous: released });
    const events = diffSnapshots(released, next);
    expect(checkPolicy(released, next, events)).toEqual([]);
    const changesets = new Map(tree.children('.changeset').filter((name) => name.startsWith('fg-')).map((name) => [name, tree.read(`.changeset/${name}`, 'utf-8') ?? '']));
    expect(eventsWithoutChangeset(events, changesets)).toEqual([]);
  });

  it('refuses what cannot be announced, saying why, and writes nothing then', () => {
    const fresh = fixtureTree();
    const untouched = contentsOf(fresh);
    const say = { message: 'a new default for everyone.' };
    expect(() => defaultGenerator(fresh, { ...on, ...say, name: 'enable-turbo', to: 'true' })).toThrow(
      'flag "enable-turbo" is the own flag of feature "turbo": its default follows the feature\'s maturity; promote the feature instead',
    );
    expect(() => defaultGenerator(fresh, { ...on, ...say, name: 'enable-api-fields', to: 'alpha' })).toThrow('no flag "enable-api-fields" in the catalog: "enable-api-fields" is the level key; use @featuregates/tools:level-default');
    expect(() => defaultGenerator(fresh, { ...on, ...say, name: 'old-glue', to: 'true' })).toThrow('flag "old-glue" was removed in v1.0.0; it has no default to change');
    expect(() => defaultGenerator(fresh, { ...on, ...say, name: 'paint-mode', to: 'matte' })).toThrow('"matte" is already the default of "paint-mode"');
    expect(() => defaultGenerator(fresh, { ...on, ...say, name: 'paint-mode', to: 'chrome' })).toThrow(/^bad --to: invalid value "chrome" for "paint-mode"/);
    expect(() => defaultGenerator(fresh, { ...on, ...say, name: 'paint-mode' })).toThrow('--to: the new default of "paint-mode", as a ConfigMap holds it (or --flip to flip an announced one)');
    expect(() => defaultGenerator(fresh, { ...on, name: 'paint-mode', to: 'gloss', message: 'soon' })).toThrow('--message: say in one sentence what users should know (more than 10 characters)');
    expect(() => defaultGenerator(fresh, { ...on, name: 'paint-mode', flip: true })).toThrow(
      'no default change of "paint-mode" is announced: announce it first (nx g @featuregates/tools:default paint-mode --to VALUE --message "…"), then flip it once its window has run',
    );
    expect(contentsOf(fresh)).toEqual(untouched);
    expect(() => defaultGenerator(tree, { ...on, ...say, name: 'paint-mode', to: 'neon' })).toThrow('a new default of "paint-mode" is already announced ("gloss", not before 2027-11-15): flip it with --flip once its window has run');
  });
});

describe('default --flip', () => {
  it('refuses before the announcement shipped, and before the later of its window and flipNotBefore, naming the date', () => {
    const fresh = fixtureTree();
    defaultGenerator(fresh, { ...on, name: 'paint-mode', to: 'gloss', message: 'gloss paint lasts longer.' });
    expect(() => defaultGenerator(fresh, { ...FIXTURE, date: '2028-01-01', name: 'paint-mode', flip: true })).toThrow(
      'the default of "paint-mode" cannot flip to "gloss" yet: its announcement has not shipped (the latest release, 1.0.0, does not carry it); release it first, and the flip is allowed from 2027-11-15',
    );
    shipAnnouncements(fresh, '1.1.0', ANNOUNCED);
    const untouched = contentsOf(fresh);
    expect(() => defaultGenerator(fresh, { ...FIXTURE, date: '2027-11-14', name: 'paint-mode', flip: true })).toThrow(
      'the default of "paint-mode" cannot flip to "gloss" on 2027-11-14: it was announced on 2027-02-15 (release 1.1.0), the policy asks for 9 months because it is a beta flag, and the announcement promised not before 2027-11-15: allowed from 2027-11-15 (pass --date 2027-11-15 or later)',
    );
    expect(contentsOf(fresh)).toEqual(untouched);
  });

  it('sets the default, drops the announcement and records default-changed in the history (a flag added since the release)', () => {
    const fresh = fixtureTree();
    flagGenerator(fresh, { ...on, key: 'quick-dry', description: 'Dry the paint with a fan.', stability: 'beta' });
    defaultGenerator(fresh, { ...on, name: 'quick-dry', to: 'true', message: 'fans are cheap; dry quickly by default.' });
    const listedFlip = changesOf(fresh, () => defaultGenerator(fresh, { ...FIXTURE, date: '2027-12-01', release: 'v1.2.0', name: 'quick-dry', flip: true }));
    expect(listedFlip).toEqual(['UPDATE .changeset/fg-flag-added-quick-dry.md', 'UPDATE docs/features.md', `UPDATE ${FIXTURE.catalogDir}/entries/flag-quick-dry.test.ts`, `UPDATE ${FIXTURE.catalogDir}/flags.ts`]);
    const flipped = (require(join(flush(fresh), 'catalog.ts')) as { widgetsCatalog: Registry }).widgetsCatalog.flags.find((entry) => entry.key === 'quick-dry');
    expect(flipped?.default).toBe(true);
    expect(flipped?.defaultChange).toBeUndefined();
    expect(flipped?.history.at(-1)).toEqual({ release: 'v1.2.0', date: '2027-12-01', event: 'default-changed', default: true, note: 'fans are cheap; dry quickly by default.' });
  });

  it('flips a helper-written flag in place: the helper argument, not a new property', () => {
    const fresh = fixtureTree();
    defaultGenerator(fresh, { ...on, name: 'keep-scraps', to: 'false', message: 'scraps fill the disk; keep them only when you need them.' });
    // No release since: nothing shipped, so the policy has nothing to hold the flip to.
    fresh.delete(`${FIXTURE.releases}/1.0.0/features.json`);
    defaultGenerator(fresh, { ...FIXTURE, date: '2028-03-01', release: 'v1.3.0', name: 'keep-scraps', flip: true });
    expect(fresh.read(`${FIXTURE.catalogDir}/flags.ts`, 'utf-8')).toContain(
      "bool('keep-scraps', false, 'Keep the scraps of a cancelled build.', { history: [{ release: 'v1.3.0', date: '2028-03-01', event: 'default-changed', default: false, note: 'scraps fill the disk; keep them only when you need them.' }] }),",
    );
  });
});

describe('the tests default wrote', () => {
  for (const file of ['flag-fast-polish.test.ts', 'flag-keep-scraps.test.ts', 'flag-paint-mode.test.ts']) {
    describe(file, () => {
      require(join(catalogDir, 'entries', file));
    });
  }
});
