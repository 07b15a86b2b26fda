/**
 * A virtual Nx workspace holding a catalog of its own (`fixture-catalog/`, a made-up project laid
 * out as Tekton's is) and its first release, so that the generators' tests never read or count the
 * live catalog.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Registry } from '@featuregates/gates';
import { canonicalJson, registryIn, snapshotOf, type Snapshot } from '@featuregates/release';
import { latestTreeSnapshot, type ReleasePaths } from '../finish';
import { loadTreeCatalog } from '../load-tree-catalog';

/** Where the fixture project lives in the virtual tree; every generator call passes these. */
export const FIXTURE: ReleasePaths = {
  catalogDir: 'widgets/src',
  releases: 'releases',
  changesetDir: '.changeset',
  docs: 'docs/features.md',
  package: '@example/widgets',
};

/** The fixture's first release of ours. */
export const FIRST_RELEASE = { version: '1.0.0', date: '2027-01-15' };

/**
 * A fresh workspace: a fixture catalog's files (`fixture-catalog/`, laid out as Tekton's is, or
 * `readme-catalog/`, one file) at `FIXTURE.catalogDir`, and its first release's snapshot.
 */
export function fixtureTree(catalog: 'fixture-catalog' | 'readme-catalog' = 'fixture-catalog'): Tree {
  const source = join(__dirname, catalog);
  const tree = createTreeWithEmptyWorkspace();
  for (const name of readdirSync(source).filter((file) => file.endsWith('.ts'))) tree.write(`${FIXTURE.catalogDir}/${name}`, readFileSync(join(source, name), 'utf8'));
  const registry = registryIn(require(join(source, 'catalog.ts'))) as Registry;
  tree.write(`${FIXTURE.releases}/${FIRST_RELEASE.version}/features.json`, canonicalJson(snapshotOf(registry, FIRST_RELEASE)));
  tree.write(`${FIXTURE.changesetDir}/README.md`, 'Changesets.\n');
  return tree;
}

/** Cuts a release of the tree's catalog as `release snapshot` would: the snapshot, and the changesets consumed. */
export function cutRelease(tree: Tree, version: string, date: string): Snapshot {
  const previous = latestTreeSnapshot(tree, FIXTURE.releases);
  const snapshot = snapshotOf(loadTreeCatalog(tree, FIXTURE.catalogDir).registry, { version, date, previous });
  tree.write(`${FIXTURE.releases}/${version}/features.json`, canonicalJson(snapshot));
  for (const name of tree.children(FIXTURE.changesetDir)) if (name.startsWith('fg-')) tree.delete(`${FIXTURE.changesetDir}/${name}`);
  return snapshot;
}

/** Writes the tree's catalog directory (edited files and generated tests) to a scratch directory; returns the catalog's path there. */
export function flush(tree: Tree): string {
  const dir = mkdtempSync(join(tmpdir(), 'fg-generated-'));
  const copy = (path: string): void => {
    if (tree.isFile(path)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), tree.read(path) ?? '');
    } else for (const child of tree.children(path)) copy(`${path}/${child}`);
  };
  copy(FIXTURE.catalogDir);
  return join(dir, FIXTURE.catalogDir);
}

/** What a generator changed, as Nx's --dry-run lists it (a file created earlier in the tree and deleted now counts as deleted). */
export function changesOf(tree: Tree, generate: () => void): string[] {
  const before = new Map(tree.listChanges().map((change) => [change.path, change]));
  generate();
  const after = tree.listChanges();
  const gone = [...before.values()].filter((change) => change.type !== 'DELETE' && !after.some((entry) => entry.path === change.path)).map((change) => `DELETE ${change.path}`);
  return [
    ...gone,
    ...after
      .filter((change) => before.get(change.path)?.content?.toString() !== change.content?.toString() || before.get(change.path)?.type !== change.type)
      .map((change) => `${change.type === 'DELETE' ? 'DELETE' : before.has(change.path) && before.get(change.path)?.type !== 'DELETE' ? 'UPDATE' : 'CREATE'} ${change.path}`),
  ].sort();
}

/** Everything a tree holds, so a refused generator can be shown to have written nothing. */
export function contentsOf(tree: Tree): string[] {
  return tree.listChanges().map((change) => `${change.type} ${change.path} ${change.content?.toString()}`);
}
