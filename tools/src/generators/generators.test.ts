/**
 * The four adding generators run one after another on a virtual Nx tree holding a fixture catalog
 * of their own (test-support/workspace.ts) and its first release; their output is then written to
 * a scratch directory where the edited catalog is loaded, checked against the policy, and the tests
 * the generators added are run as part of this suite.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Registry } from '@featuregates/gates';
import { checkPolicy, diffSnapshots, docsFor, eventsWithoutChangeset, snapshotOf } from '@featuregates/release';
import { latestTreeSnapshot } from '../finish';
import { changesOf, contentsOf, FIXTURE, fixtureTree, flush } from '../test-support/workspace';
import { apiVersionGenerator } from './api-version/generator';
import { featureGenerator } from './feature/generator';
import { flagGenerator } from './flag/generator';
import { promoteGenerator } from './promote/generator';

const root = join(__dirname, '..', '..', '..');
const CATALOG = FIXTURE.catalogDir;
const DATE = '2027-02-15';

// Generation runs while jest collects the suite, so that the generated tests can be collected too.
const tree = fixtureTree();
const released = latestTreeSnapshot(tree, FIXTURE.releases);
const afterFeature = changesOf(tree, () => featureGenerator(tree, { ...FIXTURE, name: 'wax', uses: 'Part:wax', description: 'Wax a part before it ships.', flag: 'enable-wax', release: 'v1.1.0', date: DATE }));
flagGenerator(tree, { ...FIXTURE, key: 'quick-dry', description: 'Dry the paint with a fan.', stability: 'beta', date: DATE });
flagGenerator(tree, { ...FIXTURE, key: 'glue-kind', type: 'enum', values: 'hot,cold,none', default: 'cold', description: 'Which glue parts are joined with.', stability: 'stable', date: DATE });
apiVersionGenerator(tree, { ...FIXTURE, kind: 'Gadget', apiVersion: 'v1', date: DATE });
const catalogDir = flush(tree);
const generated = readdirSync(join(catalogDir, 'entries')).sort();
const registry = (require(join(catalogDir, 'catalog.ts')) as { widgetsCatalog: Registry }).widgetsCatalog;

describe('the adding generators, on a fixture catalog', () => {
  it('list the files they would write, as --dry-run prints them', () => {
    expect(afterFeature).toEqual([
      'CREATE .changeset/fg-feature-added-wax.md',
      'CREATE .changeset/fg-flag-added-enable-wax.md',
      'CREATE docs/features.md',
      `CREATE ${CATALOG}/entries/feature-wax.test.ts`,
      `UPDATE ${CATALOG}/features.ts`,
      `UPDATE ${CATALOG}/flags.ts`,
    ]);
  });

  it('edit the catalog: an alpha feature with its own flag, two flags, Gadget v1', () => {
    expect(registry.features.find((feature) => feature.name === 'wax')).toMatchObject({
      stability: 'alpha',
      flag: 'enable-wax',
      uses: [{ type: 'Part', path: 'wax', match: { kind: 'present' } }],
      history: [{ release: 'v1.1.0', date: DATE, event: 'introduced', stability: 'alpha' }],
    });
    expect(registry.flags.find((flag) => flag.key === 'enable-wax')).toMatchObject({ stability: 'alpha', valueStability: { true: 'alpha' }, feature: 'wax' });
    expect(registry.flags.find((flag) => flag.key === 'quick-dry')).toMatchObject({ type: 'bool', default: false, stability: 'beta', valueStability: { true: 'beta' } });
    expect(registry.flags.find((flag) => flag.key === 'glue-kind')).toMatchObject({ type: 'enum', default: 'cold', values: ['hot', 'cold', 'none'], stability: 'stable' });
    expect(registry.kinds).toContainEqual({ group: 'widgets.example.dev', version: 'v1', kind: 'Gadget', type: 'Gadget', stability: 'stable' });
  });

  it('leave a catalog that passes the policy check, with a changeset for every change and fresh docs', () => {
    if (!released) throw new Error('the fixture has a first release');
    const next = snapshotOf(registry, { version: 'unreleased', date: DATE, previous: released });
    const events = diffSnapshots(released, next);
    expect(events.map((event) => `${event.type} ${'feature' in event ? event.feature.name : 'flag' in event ? event.flag.key : 'kind' in event ? event.kind : ''}`)).toEqual([
      'kind-added widgets.example.dev/v1 Gadget',
      'feature-changed sparkle',
      'feature-added wax',
      'flag-added enable-wax',
      'flag-added glue-kind',
      'flag-added quick-dry',
    ]);
    expect(checkPolicy(released, next, events)).toEqual([]);
    const changesets = new Map(tree.children('.changeset').filter((name) => name.startsWith('fg-')).map((name) => [name, tree.read(`.changeset/${name}`, 'utf-8') ?? '']));
    expect(eventsWithoutChangeset(events, changesets)).toEqual([]);
    expect(changesets.get('fg-feature-added-wax.md')).toContain('**`wax`** (alpha)');
    expect(changesets.get('fg-feature-added-wax.md')).toContain('"@example/widgets": minor');
    expect(tree.read('docs/features.md', 'utf-8')).toBe(docsFor(registry));
  });

  it('add one test per new entry', () => {
    expect(generated).toEqual(['feature-wax.test.ts', 'flag-glue-kind.test.ts', 'flag-quick-dry.test.ts', 'kind-v1-gadget.test.ts']);
  });

  it('refuse what the policy forbids or the catalog already has, saying why, and write nothing then', () => {
    const fresh = fixtureTree();
    const untouched = contentsOf(fresh);
    const on = { ...FIXTURE, date: DATE };
    expect(() => promoteGenerator(fresh, { ...on, name: 'turbo', to: 'stable' })).toThrow(
      'feature "turbo" promoted from alpha to stable on v1 kind widgets.example.dev/v1 Widget, skipping beta: promote it to beta in this release; stable is allowed in any later release',
    );
    expect(() => promoteGenerator(fresh, { ...on, name: 'fan-out', to: 'beta' })).toThrow('feature "fan-out" is beta: it can only be promoted to a more stable level, not "beta"');
    expect(() => featureGenerator(fresh, { ...on, name: 'turbo', uses: 'Part:x', description: 'Already there, surely.' })).toThrow('feature "turbo" already exists; promote it with @featuregates/tools:promote');
    expect(() => featureGenerator(fresh, { ...on, name: 'x-ray', uses: 'Prat:x', description: 'A typo in the type name.' })).toThrow(
      'unknown type "Prat" in --uses; the catalog\'s types: Gadget, GadgetSpec, Part, Widget, WidgetSpec',
    );
    expect(() => featureGenerator(fresh, { ...on, name: 'x-ray', uses: 'Part:xray', stability: 'beta', description: 'See through every part.' })).toThrow(
      'new feature "x-ray" added as beta on v1 kind widgets.example.dev/v1 Widget: new features on a v1 kind start alpha; add it as alpha, then promote it one level per release',
    );
    expect(() => featureGenerator(fresh, { ...on, name: 'x-ray', uses: 'Part:x', description: 'TODO' })).toThrow('--description: say in one sentence what it does (more than 10 characters)');
    expect(() => flagGenerator(fresh, { ...on, key: 'old-glue', description: 'Reuses a removed key.' })).toThrow('key "old-glue" is already a flag, tombstone or alias of the catalog: a ConfigMap key is never reused');
    expect(() => flagGenerator(fresh, { ...on, key: 'x-mode', type: 'enum', values: 'a,b', default: 'c', description: 'A default not allowed.' })).toThrow(/^bad --default: invalid value "c" for "x-mode"/);
    expect(() => apiVersionGenerator(fresh, { ...on, kind: 'Widget', apiVersion: 'v1' })).toThrow('widgets.example.dev/v1 Widget is already in the catalog');
    expect(contentsOf(fresh)).toEqual(untouched);
  });

  it('refuse promoting a feature added since the release straight to beta on a v1 kind (new features start alpha)', () => {
    const fresh = fixtureTree();
    featureGenerator(fresh, { ...FIXTURE, name: 'wax', uses: 'Part:wax', description: 'Wax a part before it ships.', flag: 'enable-wax', release: 'v1.1.0', date: DATE });
    const added = contentsOf(fresh);
    expect(() => promoteGenerator(fresh, { ...FIXTURE, name: 'wax', release: 'v1.2.0', date: DATE })).toThrow(
      'new feature "wax" added as beta on v1 kind widgets.example.dev/v1 Widget: new features on a v1 kind start alpha; add it as alpha, then promote it one level per release',
    );
    // Refused after editing: the edits are rolled back, so the tree is as the feature generator left it.
    expect(contentsOf(fresh)).toEqual(added);
  });
});

describe('the tests the adding generators added', () => {
  for (const file of generated) {
    describe(file, () => {
      require(join(catalogDir, 'entries', file));
    });
  }
});

describe('nx g, offline, through the local plugin', () => {
  it('shows the files with --dry-run and writes nothing', () => {
    const run = spawnSync(join(root, 'node_modules/.bin/nx'), ['g', '@featuregates/tools:flag', 'enable-dry-run-check', '--description=A flag that is never written.', '--dry-run', '--no-interactive'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    expect(run.status).toBe(0);
    const output = stripVTControlCharacters(`${run.stdout}${run.stderr}`);
    expect(output).toContain('UPDATE packages/tekton/src/flags.ts');
    expect(output).toContain('CREATE packages/tekton/src/entries/flag-enable-dry-run-check.test.ts');
    expect(output).toContain('CREATE .changeset/fg-flag-added-enable-dry-run-check.md');
    expect(output).toContain('The "dryRun" flag means no changes were made.');
    expect(readFileSync(join(root, 'packages/tekton/src/flags.ts'), 'utf8')).not.toContain('enable-dry-run-check');
  });
});
