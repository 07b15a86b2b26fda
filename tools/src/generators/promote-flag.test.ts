/** promote on a behaviour flag, on a fixture catalog of its own: its stability and its values' move one level, with history and test. */
import { join } from 'node:path';
import type { Registry } from '@featuregates/gates';
import { checkPolicy, diffSnapshots, eventsWithoutChangeset, snapshotOf } from '@featuregates/release';
import { latestTreeSnapshot } from '../finish';
import { changesOf, contentsOf, FIXTURE, fixtureTree, flush } from '../test-support/workspace';
import { promoteGenerator } from './promote/generator';

const DATE = '2027-02-15';
const on = { ...FIXTURE, date: DATE, release: 'v1.1.0' };

const tree = fixtureTree();
const listed = changesOf(tree, () => promoteGenerator(tree, { ...on, name: 'fast-polish' }));
promoteGenerator(tree, { ...on, name: 'paint-mode' });
const catalogDir = flush(tree);
const registry = (require(join(catalogDir, 'catalog.ts')) as { widgetsCatalog: Registry }).widgetsCatalog;

describe('promote <flag-key>', () => {
  it('lists the files it would write, as --dry-run prints them', () => {
    expect(listed).toEqual([
      'CREATE .changeset/fg-flag-promoted-fast-polish.md',
      'CREATE docs/features.md',
      `CREATE ${FIXTURE.catalogDir}/entries/flag-fast-polish.test.ts`,
      `UPDATE ${FIXTURE.catalogDir}/flags.ts`,
    ]);
  });

  it('moves the flag and the values that asked for its level one level up, with a history entry', () => {
    expect(registry.flags.find((flag) => flag.key === 'fast-polish')).toMatchObject({ stability: 'beta', valueStability: { true: 'beta' } });
    expect(registry.flags.find((flag) => flag.key === 'fast-polish')?.history.at(-1)).toEqual({ release: 'v1.1.0', date: DATE, event: 'promoted', stability: 'beta' });
    // neon asked for alpha and still does: only what matched the flag's level moves with it.
    expect(registry.flags.find((flag) => flag.key === 'paint-mode')).toMatchObject({ stability: 'stable', valueStability: { gloss: 'stable', neon: 'alpha' } });
    expect(tree.read(`${FIXTURE.catalogDir}/flags.ts`, 'utf-8')).toContain("bool('fast-polish', false, 'Polish widgets in one pass.', { ...trueIs('beta'), history: [");
  });

  it('leaves a catalog the policy accepts, with a changeset per promotion', () => {
    const released = latestTreeSnapshot(tree, FIXTURE.releases);
    if (!released) throw new Error('the fixture has a first release');
    const next = snapshotOf(registry, { version: 'unreleased', date: DATE, previous: released });
    const events = diffSnapshots(released, next);
    expect(events.map((event) => event.type)).toEqual(['flag-promoted', 'flag-promoted']);
    expect(checkPolicy(released, next, events)).toEqual([]);
    const changesets = new Map(tree.children('.changeset').filter((name) => name.startsWith('fg-')).map((name) => [name, tree.read(`.changeset/${name}`, 'utf-8') ?? '']));
    expect(eventsWithoutChangeset(events, changesets)).toEqual([]);
  });

  it('refuses an own flag, a stable flag and a demotion, and writes nothing then', () => {
    const fresh = fixtureTree();
    const untouched = contentsOf(fresh);
    expect(() => promoteGenerator(fresh, { ...on, name: 'enable-turbo' })).toThrow('flag "enable-turbo" is the own flag of feature "turbo": promote the feature (nx g @featuregates/tools:promote turbo); its own flag follows it');
    expect(() => promoteGenerator(fresh, { ...on, name: 'max-parts' })).toThrow('flag "max-parts" is stable: it can only be promoted to a more stable level, not "stable"');
    expect(() => promoteGenerator(fresh, { ...on, name: 'paint-mode', to: 'alpha' })).toThrow('flag "paint-mode" is beta: it can only be promoted to a more stable level, not "alpha"');
    expect(() => promoteGenerator(fresh, { ...on, name: 'nope' })).toThrow('no feature or flag "nope" in the catalog; add it with @featuregates/tools:feature or @featuregates/tools:flag');
    expect(contentsOf(fresh)).toEqual(untouched);
  });
});

describe('the tests promote wrote', () => {
  for (const file of ['flag-fast-polish.test.ts', 'flag-paint-mode.test.ts']) {
    describe(file, () => {
      require(join(catalogDir, 'entries', file));
    });
  }
});
