/** The deprecate generator on a fixture catalog of its own: the notice, its dates, its test, and what it refuses. */
import { join } from 'node:path';
import type { Registry } from '@featuregates/gates';
import { checkPolicy, diffSnapshots, docsFor, eventsWithoutChangeset, snapshotOf } from '@featuregates/release';
import { latestTreeSnapshot } from '../finish';
import { changesOf, contentsOf, FIXTURE, fixtureTree, flush } from '../test-support/workspace';
import { deprecateGenerator } from './deprecate/generator';

const DATE = '2027-02-15';
const on = { ...FIXTURE, date: DATE, release: 'v1.1.0' };

const tree = fixtureTree();
const listed = changesOf(tree, () => deprecateGenerator(tree, { ...on, name: 'fan-out', message: 'fan-out is replaced by spread, which also balances load.', replacedBy: 'spread' }));
deprecateGenerator(tree, { ...on, name: 'turbo', message: 'turbo parts wear out; the feature goes in a later release.' });
deprecateGenerator(tree, { ...on, name: 'paint-mode', message: 'paint is chosen per widget from now on.' });
deprecateGenerator(tree, { ...on, name: 'keep-scraps', message: 'scraps are always kept in the archive now.' });
const catalogDir = flush(tree);
const registry = (require(join(catalogDir, 'catalog.ts')) as { widgetsCatalog: Registry }).widgetsCatalog;
const generatedTest = (file: string): string => tree.read(`${FIXTURE.catalogDir}/entries/${file}`, 'utf-8') ?? '';

describe('deprecate', () => {
  it('lists the files it would write, as --dry-run prints them', () => {
    expect(listed).toEqual([
      'CREATE .changeset/fg-feature-deprecated-fan-out.md',
      'CREATE docs/features.md',
      `CREATE ${FIXTURE.catalogDir}/entries/feature-fan-out.test.ts`,
      `UPDATE ${FIXTURE.catalogDir}/features.ts`,
    ]);
  });

  it('writes removalNotBefore as the policy window counted from --date: 12 months on a v1 kind, 9 for a beta flag, 12 for a stable one', () => {
    const feature = registry.features.find((entry) => entry.name === 'fan-out');
    expect(feature?.deprecated).toEqual({ since: 'v1.1.0', message: 'fan-out is replaced by spread, which also balances load.', removalNotBefore: '2028-02-15', replacedBy: 'spread' });
    expect(feature?.history.at(-1)).toEqual({ release: 'v1.1.0', date: DATE, event: 'deprecated' });
    expect(registry.flags.find((flag) => flag.key === 'paint-mode')?.deprecated).toEqual({ since: 'v1.1.0', message: 'paint is chosen per widget from now on.', removalNotBefore: '2027-11-15' });
    expect(registry.flags.find((flag) => flag.key === 'keep-scraps')).toMatchObject({
      deprecated: { since: 'v1.1.0', message: 'scraps are always kept in the archive now.', removalNotBefore: '2028-02-15' },
      history: [{ release: 'v1.1.0', date: DATE, event: 'deprecated' }],
    });
  });

  it('writes no date for an alpha feature: its window is one release, which no date can promise', () => {
    expect(registry.features.find((entry) => entry.name === 'turbo')?.deprecated).toEqual({ since: 'v1.1.0', message: 'turbo parts wear out; the feature goes in a later release.' });
  });

  it('edits a helper-written flag in place, leaving the rest of the file as written', () => {
    const flags = tree.read(`${FIXTURE.catalogDir}/flags.ts`, 'utf-8') ?? '';
    expect(flags).toContain(
      "bool('keep-scraps', true, 'Keep the scraps of a cancelled build.', { deprecated: { since: 'v1.1.0', message: 'scraps are always kept in the archive now.', removalNotBefore: '2028-02-15' }, history: [{ release: 'v1.1.0', date: '2027-02-15', event: 'deprecated' }] }),",
    );
    expect(flags).toContain("    history: [{ release: 'v1.0.0', date: '2026-06-01', event: 'introduced', stability: 'beta', default: 'matte' }, { release: 'v1.1.0', date: '2027-02-15', event: 'deprecated' }],\n    deprecated: {");
  });

  it('leaves a catalog the policy accepts, with a changeset per notice and fresh docs', () => {
    const released = latestTreeSnapshot(tree, FIXTURE.releases);
    if (!released) throw new Error('the fixture has a first release');
    const next = snapshotOf(registry, { version: 'unreleased', date: DATE, previous: released });
    const events = diffSnapshots(released, next);
    expect(events.map((event) => event.type).sort()).toEqual(['feature-deprecated', 'feature-deprecated', 'flag-deprecated', 'flag-deprecated']);
    expect(checkPolicy(released, next, events)).toEqual([]);
    const changesets = new Map(tree.children('.changeset').filter((name) => name.startsWith('fg-')).map((name) => [name, tree.read(`.changeset/${name}`, 'utf-8') ?? '']));
    expect(eventsWithoutChangeset(events, changesets)).toEqual([]);
    expect(tree.read('docs/features.md', 'utf-8')).toBe(docsFor(registry));
  });

  it('writes entry tests that hold the warning users read, word for word', () => {
    expect(generatedTest('feature-fan-out.test.ts')).toContain("expect.stringContaining('deprecated: fan-out is replaced by spread, which also balances load.; removal not before 2028-02-15')");
    expect(generatedTest('feature-turbo.test.ts')).toContain("expect.stringContaining('deprecated: turbo parts wear out; the feature goes in a later release.')");
    expect(generatedTest('flag-paint-mode.test.ts')).toContain("expect.stringContaining('deprecated: paint is chosen per widget from now on.; removal not before 2027-11-15')");
  });

  it('refuses what the policy would, saying why, and writes nothing then', () => {
    const fresh = fixtureTree();
    const untouched = contentsOf(fresh);
    expect(() => deprecateGenerator(fresh, { ...on, name: 'labels', message: 'labels move to metadata.' })).toThrow(
      'stable feature "labels" deprecated for removal on v1 kind widgets.example.dev/v1 Widget: a stable feature of a v1 API is never removed or changed incompatibly; keep it, and make the change in a new API version (v2). A notice would promise a removal the policy never allows',
    );
    expect(() => deprecateGenerator(fresh, { ...on, name: 'enable-turbo', message: 'turbo goes away soon enough.' })).toThrow(
      'flag "enable-turbo" is the own flag of feature "turbo": deprecate the feature (nx g @featuregates/tools:deprecate turbo); its own flag goes with it',
    );
    expect(() => deprecateGenerator(fresh, { ...on, name: 'old-glue', message: 'it is long gone anyway.' })).toThrow('flag "old-glue" was removed in v1.0.0 (a tombstone); there is nothing left to deprecate');
    expect(() => deprecateGenerator(fresh, { ...on, name: 'nope', message: 'no such thing at all.' })).toThrow('no feature or flag "nope" in the catalog: name a feature (turbo, fan-out, sparkle, labels) or a flag key');
    expect(() => deprecateGenerator(fresh, { ...on, name: 'sparkle', message: 'TODO' })).toThrow('--message: say in one sentence what users should know (11 characters or more)');
    expect(() => deprecateGenerator(fresh, { ...on, name: 'sparkle', message: 'sparkle is too bright.', date: '2027-2-1' })).toThrow('bad --date "2027-2-1": want YYYY-MM-DD');
    expect(() => deprecateGenerator(fresh, { ...on, name: 'fan-out', message: `fan-out ${'is going away '.repeat(8)}` })).toThrow(
      /^the edited catalog is not valid:\nfeature "fan-out": its deprecation notice is \d+ characters as an admission warning shows it, over Kubernetes' 120: shorten `deprecated.message` by \d+ characters$/,
    );
    expect(contentsOf(fresh)).toEqual(untouched);
    expect(() => deprecateGenerator(tree, { ...on, name: 'turbo', message: 'a second notice on turbo.' })).toThrow(
      'feature "turbo" is already deprecated (since v1.1.0: turbo parts wear out; the feature goes in a later release.)',
    );
  });
});

describe('the tests deprecate wrote', () => {
  for (const file of ['feature-fan-out.test.ts', 'feature-turbo.test.ts', 'flag-keep-scraps.test.ts', 'flag-paint-mode.test.ts']) {
    describe(file, () => {
      require(join(catalogDir, 'entries', file));
    });
  }
});
