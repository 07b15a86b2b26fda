/**
 * The remove generator on a fixture catalog of its own: a release ships the notices, then each
 * removal is allowed or refused as the policy says, exactly at its boundary.
 */
import { join } from 'node:path';
import type { Registry } from '@featuregates/gates';
import { checkPolicy, diffSnapshots, docsFor, eventsWithoutChangeset, snapshotOf } from '@featuregates/release';
import { latestTreeSnapshot } from '../finish';
import { changesOf, contentsOf, cutRelease, FIXTURE, fixtureTree, flush } from '../test-support/workspace';
import { deprecateGenerator } from './deprecate/generator';
import { removeGenerator } from './remove/generator';

const NOTICE = '2027-02-15';
const LATER = '2027-03-15';
const on = { ...FIXTURE, release: 'v1.2.0' };

/** The fixture with notices on two alpha and two beta entries, shipped in release 1.1.0. */
function withShippedNotices() {
  const tree = fixtureTree();
  const notice = { ...FIXTURE, date: NOTICE, release: 'v1.1.0' };
  deprecateGenerator(tree, { ...notice, name: 'turbo', message: 'turbo parts wear out; use fan-out.', replacedBy: 'fan-out' });
  deprecateGenerator(tree, { ...notice, name: 'fan-out', message: 'fan-out gives way to spread.' });
  deprecateGenerator(tree, { ...notice, name: 'fast-polish', message: 'polishing is always one pass now.' });
  deprecateGenerator(tree, { ...notice, name: 'paint-mode', message: 'paint is chosen per widget now.' });
  cutRelease(tree, '1.1.0', NOTICE);
  return tree;
}

const tree = withShippedNotices();
const listed = changesOf(tree, () => removeGenerator(tree, { ...on, date: LATER, name: 'turbo', note: 'turbo parts wore out' }));
removeGenerator(tree, { ...on, date: LATER, name: 'fast-polish', note: 'polishing is always one pass' });
const catalogDir = flush(tree);
const registry = (require(join(catalogDir, 'catalog.ts')) as { widgetsCatalog: Registry }).widgetsCatalog;
const generatedTest = (file: string): string => tree.read(`${FIXTURE.catalogDir}/entries/${file}`, 'utf-8') ?? '';

describe('remove', () => {
  it('lists the files it would write, as --dry-run prints them: the feature, its own flag and their tests', () => {
    expect(listed).toEqual([
      'CREATE .changeset/fg-feature-tombstoned-turbo.md',
      'CREATE .changeset/fg-flag-tombstoned-enable-turbo.md',
      `CREATE ${FIXTURE.catalogDir}/entries/removed-feature-turbo.test.ts`,
      `CREATE ${FIXTURE.catalogDir}/entries/tombstone-enable-turbo.test.ts`,
      `DELETE ${FIXTURE.catalogDir}/entries/feature-turbo.test.ts`,
      'UPDATE docs/features.md',
      `UPDATE ${FIXTURE.catalogDir}/catalog.ts`,
      `UPDATE ${FIXTURE.catalogDir}/features.ts`,
      `UPDATE ${FIXTURE.catalogDir}/flags.ts`,
      `UPDATE ${FIXTURE.catalogDir}/tombstones.ts`,
    ]);
  });

  it('moves a feature to removedFeatures with its uses kept, and its own flag to the tombstones', () => {
    expect(registry.features.map((feature) => feature.name)).not.toContain('turbo');
    expect(registry.removedFeatures).toEqual([
      {
        name: 'turbo',
        title: 'turbo',
        stability: 'alpha',
        description: 'Parts that spin faster.',
        uses: [{ type: 'Part', path: 'turbo', match: { kind: 'present' } }],
        flag: 'enable-turbo',
        removedIn: 'v1.2.0',
        note: 'turbo parts wore out',
        replacedBy: 'fan-out',
        history: [
          { release: 'v1.0.0', date: '2026-06-01', event: 'introduced', stability: 'alpha' },
          { release: 'v1.1.0', date: NOTICE, event: 'deprecated' },
          { release: 'v1.2.0', date: LATER, event: 'removed', note: 'turbo parts wore out' },
        ],
      },
    ]);
    expect(registry.flags.map((flag) => flag.key)).not.toContain('enable-turbo');
    expect(registry.tombstones).toContainEqual({ key: 'enable-turbo', firstShipped: 'v1.0.0', lastShipped: 'v1.0.0', removedIn: 'v1.2.0', note: 'the "turbo" feature was removed: turbo parts wore out', replacedBy: 'fan-out' });
    expect(registry.types.Part).toEqual({});
  });

  it('moves a flag to the tombstones, its history naming the last release that shipped it', () => {
    expect(registry.flags.map((flag) => flag.key)).not.toContain('fast-polish');
    expect(registry.tombstones).toContainEqual({ key: 'fast-polish', firstShipped: 'v1.0.0', lastShipped: 'v1.1.0', removedIn: 'v1.2.0', note: 'polishing is always one pass' });
  });

  it('leaves a catalog the policy accepts, with a changeset per removal and fresh docs', () => {
    const released = latestTreeSnapshot(tree, FIXTURE.releases);
    if (!released) throw new Error('the notices were released');
    const next = snapshotOf(registry, { version: 'unreleased', date: LATER, previous: released });
    const events = diffSnapshots(released, next);
    expect(checkPolicy(released, next, events)).toEqual([]);
    const changesets = new Map(tree.children('.changeset').filter((name) => name.startsWith('fg-')).map((name) => [name, tree.read(`.changeset/${name}`, 'utf-8') ?? '']));
    expect(eventsWithoutChangeset(events, changesets)).toEqual([]);
    expect(tree.read('docs/features.md', 'utf-8')).toBe(docsFor(registry));
  });

  it('writes entry tests that hold the refusal users read, word for word', () => {
    expect(generatedTest('removed-feature-turbo.test.ts')).toContain("expect.stringContaining('removed in v1.2.0: turbo parts wore out')");
    expect(generatedTest('removed-feature-turbo.test.ts')).toContain("for (const level of ['alpha', 'beta', 'stable'])");
  });

  it('refuses before the window has run, naming the first allowed date, and allows it on that date', () => {
    const fresh = withShippedNotices();
    const untouched = contentsOf(fresh);
    expect(() => removeGenerator(fresh, { ...on, date: LATER, name: 'fan-out', note: 'fan-out gave way to spread' })).toThrow(
      'beta feature "fan-out" cannot be removed on 2027-03-15: its notice shipped on 2027-02-15 (release 1.1.0), the policy asks for 12 months because it gates v1 kind widgets.example.dev/v1 Widget, and it promised removal not before 2028-02-15: allowed from 2028-02-15 (pass --date 2028-02-15 or later)',
    );
    expect(() => removeGenerator(fresh, { ...on, date: '2027-11-14', name: 'paint-mode', note: 'paint is per widget' })).toThrow(
      'beta flag "paint-mode" cannot be removed on 2027-11-14: its notice shipped on 2027-02-15 (release 1.1.0), the policy asks for 9 months because it is a beta flag, and it promised removal not before 2027-11-15: allowed from 2027-11-15 (pass --date 2027-11-15 or later)',
    );
    expect(contentsOf(fresh)).toEqual(untouched);
    removeGenerator(fresh, { ...on, date: '2027-11-15', name: 'paint-mode', note: 'paint is per widget' });
    expect(fresh.read(`${FIXTURE.catalogDir}/tombstones.ts`, 'utf-8')).toContain("key: 'paint-mode'");
  });

  it('refuses without a notice, before the notice has shipped, a stable feature on a v1 kind and an own flag', () => {
    const fresh = withShippedNotices();
    const untouched = contentsOf(fresh);
    expect(() => removeGenerator(fresh, { ...on, date: LATER, name: 'sparkle', note: 'sparkle is gone' })).toThrow(
      'alpha feature "sparkle" has no deprecation notice; the policy asks for one release of warning before it goes: deprecate it first (nx g @featuregates/tools:deprecate sparkle --message "…"), then remove it once that has run',
    );
    expect(() => removeGenerator(fresh, { ...on, date: LATER, name: 'labels', note: 'labels are gone' })).toThrow(
      'stable feature "labels" removed on v1 kind widgets.example.dev/v1 Widget: a stable feature of a v1 API is never removed or changed incompatibly; keep it, and make the change in a new API version (v2)',
    );
    expect(() => removeGenerator(fresh, { ...on, date: LATER, name: 'enable-turbo', note: 'turbo is gone' })).toThrow(
      'flag "enable-turbo" is the own flag of feature "turbo": remove the feature (nx g @featuregates/tools:remove turbo); its own flag becomes a tombstone with it',
    );
    expect(() => removeGenerator(fresh, { ...FIXTURE, release: ' ', date: LATER, name: 'turbo', note: 'turbo is gone' })).toThrow('--release: name the catalog release that removes it (e.g. v1.20.0); users read "removed in RELEASE: NOTE"');
    expect(contentsOf(fresh)).toEqual(untouched);
    deprecateGenerator(fresh, { ...FIXTURE, date: LATER, release: 'v1.2.0', name: 'sparkle', message: 'sparkle goes in a later release.' });
    expect(() => removeGenerator(fresh, { ...on, date: LATER, name: 'sparkle', note: 'sparkle is gone' })).toThrow(
      'the deprecation notice of alpha feature "sparkle" has not shipped yet (the latest release, 1.1.0, does not carry it): release it first; the removal is allowed in any release after the one that ships it',
    );
  });

  it("keeps Tekton's rule unless the catalog relaxes it: then a stable feature on a v1 kind goes like any other, after its window", () => {
    const relaxed = fixtureTree();
    const catalog = `${FIXTURE.catalogDir}/catalog.ts`;
    relaxed.write(catalog, (relaxed.read(catalog, 'utf-8') ?? '').replace("  apiFieldsKey: 'enable-api-fields',", "  compatibility: { stableFeaturesNeedNewApiVersion: false },\n  apiFieldsKey: 'enable-api-fields',"));
    deprecateGenerator(relaxed, { ...FIXTURE, date: NOTICE, release: 'v1.1.0', name: 'labels', message: 'labels move to metadata.labels.' });
    cutRelease(relaxed, '1.1.0', NOTICE);
    expect(() => removeGenerator(relaxed, { ...on, date: '2028-02-14', name: 'labels', note: 'use metadata.labels' })).toThrow(/^stable feature "labels" cannot be removed on 2028-02-14: .*allowed from 2028-02-15/);
    removeGenerator(relaxed, { ...on, date: '2028-02-15', name: 'labels', note: 'use metadata.labels' });
    expect(relaxed.read(catalog, 'utf-8')).toContain("name: 'labels'");
  });
});

describe('the tests remove wrote', () => {
  for (const file of ['removed-feature-turbo.test.ts', 'tombstone-enable-turbo.test.ts', 'tombstone-fast-polish.test.ts']) {
    describe(file, () => {
      require(join(catalogDir, 'entries', file));
    });
  }
});
