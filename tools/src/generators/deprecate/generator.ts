import type { Tree } from '@nx/devkit';
import type { Deprecation } from '@featuregates/gates';
import { featureWindow, flagWindow, messages, stableKindsOf } from '@featuregates/release';
import { applyEdits, entryEdits, findEntry, locate } from '../../catalog-source';
import { ENTRIES_DIR, featureTest, flagTest, literal } from '../../entry-tests';
import { finish, pathsFrom, type ReleasePaths } from '../../finish';
import { checkSentence, findTarget, ownerOf, snapshotsOf, stableNeedsNewApiVersion, windowEnd } from '../../lifecycle';
import { loadTreeCatalog } from '../../load-tree-catalog';
import { inTransaction } from '../../transaction';
import { releaseDate } from '../../options';

export interface DeprecateGeneratorSchema extends Partial<ReleasePaths> {
  /** A feature name or a flag key. */
  name: string;
  /** What users read in every warning: why, and what to do instead. */
  message: string;
  /** What replaces it: a feature name, a flag key, or a few words. */
  replacedBy?: string;
  /** The catalog's release label of the announcement (`since`, and the history entry). */
  release?: string;
  /** The date of the release that ships the notice: the policy's window is counted from it. */
  date?: string;
}

/**
 * `nx g @featuregates/tools:deprecate`: a deprecation notice on a feature or flag, with
 * `removalNotBefore` the policy's earliest removal counted from the release date (none for alpha,
 * whose window is one release), a history entry, its test rewritten, changeset and docs.
 */
export function deprecateGenerator(tree: Tree, options: DeprecateGeneratorSchema): void {
  inTransaction(tree, () => generate(tree, options));
}

function generate(tree: Tree, options: DeprecateGeneratorSchema): void {
  const paths = pathsFrom(options);
  const date = releaseDate(options.date);
  const message = checkSentence('message', options.message);
  const release = options.release ?? 'unreleased';
  const { registry: base } = loadTreeCatalog(tree, paths.catalogDir);
  const target = findTarget(base, options.name, 'deprecate');
  const { latest, next } = snapshotsOf(tree, base, paths, date);

  let window;
  let collection;
  if (target.kind === 'feature') {
    const { feature } = target;
    if (feature.deprecated) throw new Error(`feature "${feature.name}" is already deprecated (since ${feature.deprecated.since}: ${feature.deprecated.message})`);
    const entry = next.features[feature.name];
    const v1 = feature.stability === 'stable' ? stableKindsOf(entry, ...(latest ? [latest] : []), next) : [];
    if (v1.length > 0 && stableNeedsNewApiVersion(base)) {
      throw new Error(`${messages.stableOnV1(feature.name, 'deprecated for removal', v1[0])}. A notice would promise a removal the policy never allows`);
    }
    window = featureWindow(entry, ...(latest ? [latest] : []), next);
    collection = locate(tree, paths.catalogDir, 'ApiFeature');
  } else {
    const { flag } = target;
    if (flag.deprecated) throw new Error(`flag "${flag.key}" is already deprecated (since ${flag.deprecated.since}: ${flag.deprecated.message})`);
    const owner = ownerOf(base, flag);
    if (owner) throw new Error(`flag "${flag.key}" is the own flag of feature "${owner.name}": deprecate the feature (nx g @featuregates/tools:deprecate ${owner.name}); its own flag goes with it`);
    window = flagWindow(next.flags[flag.key]);
    collection = locate(tree, paths.catalogDir, 'BehaviorFlag');
  }
  const removalNotBefore = windowEnd(window, date);
  const notice: Deprecation = {
    since: release,
    message,
    ...(removalNotBefore ? { removalNotBefore } : {}),
    ...(options.replacedBy?.trim() ? { replacedBy: options.replacedBy.trim() } : {}),
  };
  const entry = findEntry(collection, options.name);
  if (!entry) throw new Error(`cannot find the entry of "${options.name}" in ${collection.file}; deprecate it by hand`);
  const edits = entryEdits(collection.text, entry, [['deprecated', literal(notice)]], literal({ release, date, event: 'deprecated' }));
  tree.write(collection.file, applyEdits(collection.text, edits));

  const after = loadTreeCatalog(tree, paths.catalogDir);
  const written = target.kind === 'feature' ? after.registry.features.find((item) => item.name === options.name) : after.registry.flags.find((item) => item.key === options.name);
  if (written?.deprecated?.message !== message) throw new Error(`editing ${collection.file} did not deprecate "${options.name}"; deprecate it by hand`);
  const test =
    target.kind === 'feature'
      ? { file: `feature-${options.name}.test.ts`, text: featureTest(after, options.name, 'deprecate') }
      : { file: `flag-${options.name}.test.ts`, text: flagTest(after, options.name, 'deprecate') };
  tree.write(`${paths.catalogDir}/${ENTRIES_DIR}/${test.file}`, test.text);
  finish(tree, after.registry, paths, date);
}

export default deprecateGenerator;
