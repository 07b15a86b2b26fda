/**
 * The four generators run one after another on a virtual Nx tree holding the real catalog, the
 * first release and the changesets config; their output is then written to a scratch directory
 * where the edited catalog is loaded, checked against the policy, and the tests the generators
 * added are run as part of this suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Registry } from '@featuregates/gates';
import { checkPolicy, diffSnapshots, docsFor, eventsWithoutChangeset, snapshotOf, type Snapshot } from '@featuregates/release';
import { apiVersionGenerator } from './api-version/generator';
import { featureGenerator } from './feature/generator';
import { flagGenerator } from './flag/generator';
import { promoteGenerator } from './promote/generator';

const root = join(__dirname, '..', '..', '..');
const CATALOG = 'packages/tekton/src';
const DATE = '2027-01-15';

function workspaceTree(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  for (const name of readdirSync(join(root, CATALOG)).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))) {
    tree.write(`${CATALOG}/${name}`, readFileSync(join(root, CATALOG, name), 'utf8'));
  }
  for (const file of ['releases/0.1.0/features.json', '.changeset/config.json', '.changeset/README.md', 'docs/features.md']) tree.write(file, readFileSync(join(root, file), 'utf8'));
  // Changes the repository already records since the release (its generated changesets) are not the generators'.
  for (const name of readdirSync(join(root, '.changeset')).filter((file) => file.startsWith('fg-'))) tree.write(`.changeset/${name}`, readFileSync(join(root, '.changeset', name), 'utf8'));
  return tree;
}

/** Writes the tree's catalog directory (edited files and generated tests) to a scratch directory. */
function flush(tree: Tree): string {
  const dir = mkdtempSync(join(tmpdir(), 'fg-generated-'));
  const copy = (path: string): void => {
    if (tree.isFile(path)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), tree.read(path) ?? '');
    } else for (const child of tree.children(path)) copy(`${path}/${child}`);
  };
  copy(CATALOG);
  return join(dir, CATALOG);
}

/** What a generator changed, as Nx's --dry-run lists it. */
function changesOf(tree: Tree, generate: () => void): string[] {
  const before = new Map(tree.listChanges().map((change) => [change.path, change.content?.toString()]));
  generate();
  return tree
    .listChanges()
    .filter((change) => before.get(change.path) !== change.content?.toString())
    .map((change) => `${before.has(change.path) ? 'UPDATE' : 'CREATE'} ${change.path}`)
    .sort();
}

// Generation runs while jest collects the suite, so that the generated tests can be collected too.
const tree = workspaceTree();
const afterFeature = changesOf(tree, () => featureGenerator(tree, { name: 'step-cache', uses: 'Step:cache', description: "Cache a step's outputs between runs (TEP-9999).", flag: 'enable-step-cache', release: 'v1.16.0', date: DATE }));
flagGenerator(tree, { key: 'enable-fast-clone', description: 'Clone git repositories with --depth 1.', stability: 'beta', date: DATE });
flagGenerator(tree, { key: 'clone-mode', type: 'enum', values: 'full,shallow,blobless', default: 'shallow', description: 'How the git resolver clones repositories.', stability: 'stable', date: DATE });
apiVersionGenerator(tree, { kind: 'StepAction', apiVersion: 'v1', date: DATE });
const catalogDir = flush(tree);
const generated = readdirSync(join(catalogDir, 'entries')).sort();
const registry = (require(join(catalogDir, 'catalog.ts')) as { tektonCatalog: Registry }).tektonCatalog;
const workspaceCatalog = (require(join(root, CATALOG, 'catalog.ts')) as { tektonCatalog: Registry }).tektonCatalog;
const released = JSON.parse(readFileSync(join(root, 'releases/0.1.0/features.json'), 'utf8')) as Snapshot;
const next = snapshotOf(registry, { version: 'unreleased', date: DATE, previous: released });

describe('the generators, on the real catalog', () => {
  it('list the files they would write, as --dry-run prints them', () => {
    expect(afterFeature).toEqual([
      'CREATE .changeset/fg-feature-added-step-cache.md',
      'CREATE .changeset/fg-flag-added-enable-step-cache.md',
      `CREATE ${CATALOG}/entries/feature-step-cache.test.ts`,
      'UPDATE docs/features.md',
      `UPDATE ${CATALOG}/features.ts`,
      `UPDATE ${CATALOG}/flags.ts`,
    ]);
  });

  it('edit the catalog: an alpha feature with its own flag, two flags, StepAction v1', () => {
    expect(registry.features.find((feature) => feature.name === 'step-cache')).toMatchObject({
      stability: 'alpha',
      flag: 'enable-step-cache',
      uses: [{ type: 'Step', path: 'cache', match: { kind: 'present' } }],
      history: [{ release: 'v1.16.0', date: DATE, event: 'introduced', stability: 'alpha' }],
    });
    expect(registry.flags.find((flag) => flag.key === 'enable-step-cache')).toMatchObject({ stability: 'alpha', valueStability: { true: 'alpha' }, feature: 'step-cache' });
    expect(registry.flags.find((flag) => flag.key === 'clone-mode')).toMatchObject({ type: 'enum', default: 'shallow', values: ['full', 'shallow', 'blobless'], stability: 'stable' });
    expect(registry.kinds).toContainEqual({ group: 'tekton.dev', version: 'v1', kind: 'StepAction', type: 'StepAction', stability: 'stable' });
  });

  it('leave a catalog that passes the policy check, with a changeset for every change and fresh docs', () => {
    const events = diffSnapshots(released, next);
    const recorded = diffSnapshots(released, snapshotOf(workspaceCatalog, { version: 'unreleased', date: DATE, previous: released })).map((event) => event.type);
    expect(events.map((event) => event.type)).toEqual([...recorded, 'kind-added', 'feature-added', 'feature-changed', 'flag-added', 'flag-added', 'flag-added']);
    expect(checkPolicy(released, next, events)).toEqual([]);
    const changesets = new Map(tree.children('.changeset').filter((name) => name.startsWith('fg-')).map((name) => [name, tree.read(`.changeset/${name}`, 'utf-8') ?? '']));
    expect(eventsWithoutChangeset(events, changesets)).toEqual([]);
    expect(changesets.get('fg-feature-added-step-cache.md')).toContain('New alpha features: **`step-cache`** (alpha)');
    expect(tree.read('docs/features.md', 'utf-8')).toBe(docsFor(registry));
  });

  it('add one test per new or changed entry', () => {
    expect(generated).toEqual(['feature-step-cache.test.ts', 'flag-clone-mode.test.ts', 'flag-enable-fast-clone.test.ts', 'kind-v1-stepaction.test.ts']);
  });

  it('refuse what the policy forbids or the catalog already has, saying why', () => {
    const fresh = workspaceTree();
    const untouched = fresh.listChanges().map((change) => `${change.type} ${change.path} ${change.content?.length}`);
    expect(() => promoteGenerator(fresh, { name: 'debug', to: 'stable', date: DATE })).toThrow(
      'feature "debug" promoted from alpha to stable on v1 kind tekton.dev/v1 TaskRun, skipping beta: promote it to beta in this release; stable is allowed in any later release',
    );
    // Tekton's docs/api_compatibility_policy.md: a new feature on a v1 kind is released as alpha first.
    const unreleased = workspaceTree();
    featureGenerator(unreleased, { name: 'step-cache', uses: 'Step:cache', description: "Cache a step's outputs between runs (TEP-9999).", flag: 'enable-step-cache', release: 'v1.16.0', date: DATE });
    expect(() => promoteGenerator(unreleased, { name: 'step-cache', release: 'v1.17.0', date: DATE })).toThrow(
      'new feature "step-cache" added as beta on v1 kind tekton.dev/v1 Pipeline: new features on a v1 kind start alpha; add it as alpha, then promote it one level per release',
    );
    expect(() => promoteGenerator(fresh, { name: 'matrix', to: 'beta', date: DATE })).toThrow('feature "matrix" is beta: it can only be promoted to a more stable level, not "beta"');
    expect(() => featureGenerator(fresh, { name: 'matrix', uses: 'Step:x', description: 'Already there, surely.', date: DATE })).toThrow('feature "matrix" already exists; promote it with @featuregates/tools:promote');
    expect(() => featureGenerator(fresh, { name: 'x-ray', uses: 'Stepp:x', description: 'A typo in the type name.', date: DATE })).toThrow(/^unknown type "Stepp" in --uses; the catalog's types: /);
    expect(() => featureGenerator(fresh, { name: 'x-ray', uses: 'Step:x', description: 'TODO', date: DATE })).toThrow('--description: say in one sentence what it does (more than 10 characters)');
    expect(() => flagGenerator(fresh, { key: 'embedded-status', description: 'Reuses a removed key.', date: DATE })).toThrow(
      'key "embedded-status" is already a flag, tombstone or alias of the catalog: a ConfigMap key is never reused',
    );
    expect(() => flagGenerator(fresh, { key: 'x-mode', type: 'enum', values: 'a,b', default: 'c', description: 'A default not allowed.', date: DATE })).toThrow(/^bad --default: invalid value "c" for "x-mode"/);
    expect(() => apiVersionGenerator(fresh, { kind: 'Task', apiVersion: 'v1', date: DATE })).toThrow('tekton.dev/v1 Task is already in the catalog');
    expect(fresh.listChanges().map((change) => `${change.type} ${change.path} ${change.content?.length}`)).toEqual(untouched);
  });
});

describe('the tests the generators added', () => {
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
    expect(output).toContain(`UPDATE ${CATALOG}/flags.ts`);
    expect(output).toContain(`CREATE ${CATALOG}/entries/flag-enable-dry-run-check.test.ts`);
    expect(output).toContain('CREATE .changeset/fg-flag-added-enable-dry-run-check.md');
    expect(output).toContain('The "dryRun" flag means no changes were made.');
    expect(readFileSync(join(root, CATALOG, 'flags.ts'), 'utf8')).not.toContain('enable-dry-run-check');
  });
});
