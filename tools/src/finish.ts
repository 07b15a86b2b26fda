/**
 * What every generator does after editing the catalog: check the result against the
 * compatibility policy, write a changeset for each change since the latest release, and
 * regenerate the docs — all inside the Nx tree, so `--dry-run` shows every file.
 */
import type { Tree } from '@nx/devkit';
import { validateCatalog, type Registry } from '@featuregates/gates';
import {
  checkPolicy,
  diffSnapshots,
  docsFor,
  formatViolation,
  planChangesets,
  snapshotOf,
  today,
  compareVersions,
  isVersion,
  type ReleaseEvent,
  type Snapshot,
} from '@featuregates/release';

/** Where the generators read and write, relative to the workspace root. */
export interface ReleasePaths {
  catalogDir: string;
  releases: string;
  changesetDir: string;
  docs: string;
  package: string;
}

export const DEFAULT_PATHS: ReleasePaths = {
  catalogDir: 'packages/tekton/src',
  releases: 'releases',
  changesetDir: '.changeset',
  docs: 'docs/features.md',
  package: '@featuregates/tekton',
};

export function pathsFrom(options: Partial<ReleasePaths>): ReleasePaths {
  return {
    catalogDir: options.catalogDir ?? DEFAULT_PATHS.catalogDir,
    releases: options.releases ?? DEFAULT_PATHS.releases,
    changesetDir: options.changesetDir ?? DEFAULT_PATHS.changesetDir,
    docs: options.docs ?? DEFAULT_PATHS.docs,
    package: options.package ?? DEFAULT_PATHS.package,
  };
}

/** The latest released snapshot in the tree, if any. */
export function latestTreeSnapshot(tree: Tree, releases: string): Snapshot | undefined {
  if (!tree.exists(releases)) return undefined;
  const versions = tree
    .children(releases)
    .filter((name) => isVersion(name) && tree.exists(`${releases}/${name}/features.json`))
    .sort(compareVersions);
  const latest = versions[versions.length - 1];
  return latest ? (JSON.parse(tree.read(`${releases}/${latest}/features.json`, 'utf-8') ?? '{}') as Snapshot) : undefined;
}

export interface FinishResult {
  events: ReleaseEvent[];
  changesets: string[];
}

export function finish(tree: Tree, registry: Registry, paths: ReleasePaths, date: string = today()): FinishResult {
  // What the webhook would refuse to load is refused here, before anything is written.
  const problems = validateCatalog(registry);
  if (problems.length > 0) throw new Error(`the edited catalog is not valid:\n${problems.map((problem) => `${problem.entry}: ${problem.message}`).join('\n')}`);
  const latest = latestTreeSnapshot(tree, paths.releases);
  let events: ReleaseEvent[] = [];
  const changesets: string[] = [];
  if (latest) {
    const next = snapshotOf(registry, { version: 'unreleased', date, previous: latest });
    events = diffSnapshots(latest, next);
    const violations = checkPolicy(latest, next, events, registry.compatibility);
    if (violations.length > 0) throw new Error(`the change breaks the compatibility policy:\n${violations.map(formatViolation).join('\n')}`);
    const existing = new Map<string, string>();
    if (tree.exists(paths.changesetDir)) {
      for (const name of tree.children(paths.changesetDir)) {
        if (name.endsWith('.md') && !/^readme\.md$/i.test(name)) existing.set(name, tree.read(`${paths.changesetDir}/${name}`, 'utf-8') ?? '');
      }
    }
    const plan = planChangesets(events, paths.package, existing);
    for (const { file, content } of plan.write) {
      tree.write(`${paths.changesetDir}/${file}`, content);
      changesets.push(`${paths.changesetDir}/${file}`);
    }
  }
  tree.write(paths.docs, docsFor(registry));
  return { events, changesets };
}
