import type { Tree } from '@nx/devkit';
import { compareStability, gatedPaths, isStability, kindLabel, type Stability } from '@featuregates/gates';
import { messages } from '@featuregates/release';
import { applyEdits, entryEdits, findEntry, historyEdit, locate, stabilityEdits } from '../../catalog-source';
import { ENTRIES_DIR, featureTest, flagTest, literal } from '../../entry-tests';
import { finish, pathsFrom, type ReleasePaths } from '../../finish';
import { loadTreeCatalog } from '../../load-tree-catalog';
import { inTransaction } from '../../transaction';
import { releaseDate } from '../../options';

export interface PromoteGeneratorSchema extends Partial<ReleasePaths> {
  /** The feature to promote, or a flag key (a flag that is no feature's own flag). */
  name: string;
  /** The new stability; the next level by default. */
  to?: Stability;
  release?: string;
  date?: string;
}

/** `nx g @featuregates/tools:promote`: a feature (and its own flag), or a flag, one level up, its test rewritten, changeset and docs. */
export function promoteGenerator(tree: Tree, options: PromoteGeneratorSchema): void {
  inTransaction(tree, () => generate(tree, options));
}

function generate(tree: Tree, options: PromoteGeneratorSchema): void {
  const paths = pathsFrom(options);
  const date = releaseDate(options.date);
  const base = loadTreeCatalog(tree, paths.catalogDir).registry;
  const feature = base.features.find((entry) => entry.name === options.name);
  if (!feature) {
    if (base.flags.some((flag) => flag.key === options.name)) return promoteFlag(tree, options, paths, date);
    throw new Error(`no feature or flag "${options.name}" in the catalog; add it with @featuregates/tools:feature or @featuregates/tools:flag`);
  }
  const from = feature.stability;
  const to = options.to ?? (from === 'alpha' ? 'beta' : 'stable');
  if (!isStability(to) || compareStability(to, from) <= 0) throw new Error(`feature "${feature.name}" is ${from}: it can only be promoted to a more stable level, not "${to}"`);
  const v1 = gatedPaths(base, feature).find((entry) => entry.kind.stability === 'stable');
  if (from === 'alpha' && to === 'stable' && v1) throw new Error(messages.levelSkip(feature.name, from, to, 'beta', kindLabel(v1.kind)));

  const historyItem = literal({ release: options.release ?? 'unreleased', date, event: 'promoted', stability: to });
  const features = locate(tree, paths.catalogDir, 'ApiFeature');
  const entry = findEntry(features, feature.name);
  if (!entry) throw new Error(`cannot find the entry of "${feature.name}" in ${features.file}`);
  const edits = stabilityEdits(entry, from, to);
  if (edits.length === 0) throw new Error(`cannot find the stability of "${feature.name}" in ${features.file}`);
  const history = historyEdit(features.text, entry, historyItem);
  tree.write(features.file, applyEdits(features.text, history ? [...edits, history] : edits));

  const ownFlag = base.flags.find((flag) => flag.key === feature.flag || flag.feature === feature.name);
  if (ownFlag && ownFlag.stability === from) {
    const flags = locate(tree, paths.catalogDir, 'BehaviorFlag');
    const flagNode = findEntry(flags, ownFlag.key);
    if (flagNode) {
      const flagHistory = historyEdit(flags.text, flagNode, historyItem);
      tree.write(flags.file, applyEdits(flags.text, [...stabilityEdits(flagNode, from, to), ...(flagHistory ? [flagHistory] : [])]));
    }
  }
  const after = loadTreeCatalog(tree, paths.catalogDir);
  if (after.registry.features.find((entry) => entry.name === feature.name)?.stability !== to) throw new Error(`editing ${features.file} did not promote "${feature.name}"; promote it by hand`);
  tree.write(`${paths.catalogDir}/${ENTRIES_DIR}/feature-${feature.name}.test.ts`, featureTest(after, feature.name, 'promote'));
  finish(tree, after.registry, paths, date);
}

/** A behaviour flag one level up: its stability and the maturity its non-default values ask for, a history entry, its test. */
function promoteFlag(tree: Tree, options: PromoteGeneratorSchema, paths: ReleasePaths, date: string): void {
  const base = loadTreeCatalog(tree, paths.catalogDir).registry;
  const flag = base.flags.find((entry) => entry.key === options.name);
  if (!flag) throw new Error(`no flag "${options.name}" in the catalog`);
  const owner = base.features.find((feature) => feature.name === flag.feature || feature.flag === flag.key);
  if (owner) throw new Error(`flag "${flag.key}" is the own flag of feature "${owner.name}": promote the feature (nx g @featuregates/tools:promote ${owner.name}); its own flag follows it`);
  const from = flag.stability;
  const to = options.to ?? (from === 'alpha' ? 'beta' : 'stable');
  if (!isStability(to) || compareStability(to, from) <= 0) throw new Error(`flag "${flag.key}" is ${from}: it can only be promoted to a more stable level, not "${to}"`);

  const flags = locate(tree, paths.catalogDir, 'BehaviorFlag');
  const entry = findEntry(flags, flag.key);
  if (!entry) throw new Error(`cannot find the entry of "${flag.key}" in ${flags.file}`);
  const edits = stabilityEdits(entry, from, to);
  if (edits.length === 0) throw new Error(`cannot find the stability of "${flag.key}" in ${flags.file}; promote it by hand`);
  const item = literal({ release: options.release ?? 'unreleased', date, event: 'promoted', stability: to });
  tree.write(flags.file, applyEdits(flags.text, [...edits, ...entryEdits(flags.text, entry, [], item)]));

  const after = loadTreeCatalog(tree, paths.catalogDir);
  if (after.registry.flags.find((entry) => entry.key === flag.key)?.stability !== to) throw new Error(`editing ${flags.file} did not promote "${flag.key}"; promote it by hand`);
  tree.write(`${paths.catalogDir}/${ENTRIES_DIR}/flag-${flag.key}.test.ts`, flagTest(after, flag.key, 'promote'));
  finish(tree, after.registry, paths, date);
}

export default promoteGenerator;
