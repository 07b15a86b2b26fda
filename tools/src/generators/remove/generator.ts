import type { Tree } from '@nx/devkit';
import type { ApiFeature, BehaviorFlag, Deprecation, HistoryEntry, RemovedFeature, Tombstone } from '@featuregates/gates';
import { featureWindow, flagWindow, messages, stableKindsOf, type Notice, type Snapshot, type Window } from '@featuregates/release';
import { appendEntry, locate, locateOrCreateList, withoutEntry } from '../../catalog-source';
import { ENTRIES_DIR, kindTest, literal, removedFeatureTest, tombstoneTest } from '../../entry-tests';
import { finish, pathsFrom, type ReleasePaths } from '../../finish';
import { checkSentence, findTarget, laterOf, ownerOf, snapshotsOf, stableNeedsNewApiVersion, windowEnd } from '../../lifecycle';
import { loadTreeCatalog, type LoadedCatalog } from '../../load-tree-catalog';
import { inTransaction } from '../../transaction';
import { releaseDate } from '../../options';

export interface RemoveGeneratorSchema extends Partial<ReleasePaths> {
  /** A feature name or a flag key. */
  name: string;
  /** Why it went, as users read it in "removed in RELEASE: NOTE". */
  note: string;
  /** The catalog's release label that removes it (`removedIn`). */
  release: string;
  /** What replaces it; by default what its deprecation named. */
  replacedBy?: string;
  /** The last catalog release that shipped it (a flag tombstone's `lastShipped`); by default the latest its history names. */
  lastShipped?: string;
  /** The date of the release that ships the removal: the policy's window must have run by then. */
  date?: string;
}

function windowText(window: Window): string {
  return window.kind === 'release' ? 'one release of warning' : `${window.months} months because ${window.why}`;
}

/**
 * Refuses a removal the policy (and the notice's own promise) does not allow yet: without a
 * notice, before the notice has shipped in a release, or before the later of the window's end
 * and `removalNotBefore`.
 */
function checkWindow(what: string, stability: string, notice: Deprecation | undefined, shipped: Notice | undefined, window: Window, latest: Snapshot, date: string, name: string): void {
  if (!notice) {
    throw new Error(
      `${stability} ${what} "${name}" has no deprecation notice; the policy asks for ${windowText(window)} before it goes: deprecate it first (nx g @featuregates/tools:deprecate ${name} --message "…"), then remove it once that has run`,
    );
  }
  if (!shipped) {
    const when = window.kind === 'release' ? 'in any release after the one that ships it' : `from ${notice.removalNotBefore ?? 'the date the window ends after it ships'}`;
    throw new Error(`the deprecation notice of ${stability} ${what} "${name}" has not shipped yet (the latest release, ${latest.version}, does not carry it): release it first; the removal is allowed ${when}`);
  }
  const allowed = laterOf(window.kind === 'months' ? windowEnd(window, shipped.date) : undefined, notice.removalNotBefore);
  if (allowed && date < allowed) {
    throw new Error(
      `${stability} ${what} "${name}" cannot be removed on ${date}: its notice shipped on ${shipped.date} (release ${shipped.release})${window.kind === 'months' ? `, the policy asks for ${windowText(window)}` : ''}${notice.removalNotBefore ? `, and it promised removal not before ${notice.removalNotBefore}` : ''}: allowed from ${allowed} (pass --date ${allowed} or later)`,
    );
  }
}

function firstRelease(history: readonly HistoryEntry[]): string | undefined {
  return history.find((entry) => entry.event === 'introduced')?.release;
}

function lastRelease(history: readonly HistoryEntry[]): string | undefined {
  return [...history].reverse().find((entry) => entry.release !== 'unreleased' && entry.release !== 'unknown')?.release;
}

function tombstoneOf(flag: BehaviorFlag, removedIn: string, note: string, replacedBy: string | undefined, lastShipped: string | undefined): Tombstone {
  const first = firstRelease(flag.history);
  const last = lastShipped ?? lastRelease(flag.history);
  if (!last) throw new Error(`flag "${flag.key}" has no release in its history: pass --lastShipped, the last release that shipped it`);
  return { key: flag.key, ...(first && first !== 'unreleased' ? { firstShipped: first } : {}), lastShipped: last, removedIn, note, ...(replacedBy ? { replacedBy } : {}) };
}

function removedEntry(feature: ApiFeature, removedIn: string, note: string, replacedBy: string | undefined, date: string): RemovedFeature {
  return {
    name: feature.name,
    title: feature.title,
    stability: feature.stability,
    description: feature.description,
    uses: feature.uses,
    ...(feature.flag ? { flag: feature.flag } : {}),
    removedIn,
    note,
    ...(replacedBy ? { replacedBy } : {}),
    history: [...feature.history, { release: removedIn, date, event: 'removed', note }],
  };
}

/** A removed feature as catalog source, one property a line. */
function removedFeatureSource(entry: RemovedFeature): string {
  const lines = Object.entries(entry)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => (Array.isArray(value) ? `  ${key}: [\n${value.map((item) => `    ${literal(item)},`).join('\n')}\n  ],` : `  ${key}: ${literal(value)},`));
  return ['{', ...lines, '}'].join('\n');
}

function addTombstone(tree: Tree, dir: string, tombstone: Tombstone): void {
  const tombstones = locateOrCreateList(tree, dir, 'Tombstone', 'tombstones');
  tree.write(tombstones.file, appendEntry(tombstones, literal(tombstone)));
}

function dropFlag(tree: Tree, dir: string, key: string): void {
  const flags = locate(tree, dir, 'BehaviorFlag');
  tree.write(flags.file, withoutEntry(flags, key));
}

/** Entry tests that named what is gone are rewritten or deleted: a kind's test may have exercised the removed feature. */
function refreshEntryTests(tree: Tree, dir: string, after: LoadedCatalog, gone: string[]): void {
  const entries = `${dir}/${ENTRIES_DIR}`;
  if (!tree.exists(entries)) return;
  for (const file of tree.children(entries)) {
    const path = `${entries}/${file}`;
    if (gone.some((name) => file === `feature-${name}.test.ts` || file === `flag-${name}.test.ts`)) {
      tree.delete(path);
      continue;
    }
    const kind = after.registry.kinds.find((entry) => file === `kind-${entry.version}-${entry.kind.toLowerCase()}.test.ts`);
    const text = tree.read(path, 'utf-8') ?? '';
    if (kind && gone.some((name) => text.includes(literal(name)))) tree.write(path, kindTest(after, kind, 'api-version'));
  }
}

/**
 * `nx g @featuregates/tools:remove`: a deprecated feature or flag out of the catalog once the
 * policy allows it. A feature becomes a removed feature (its uses kept, so a use is refused with
 * "removed in RELEASE: NOTE"; its own flag a flag tombstone); a flag becomes a tombstone. The
 * type graph is left as it is.
 */
export function removeGenerator(tree: Tree, options: RemoveGeneratorSchema): void {
  inTransaction(tree, () => generate(tree, options));
}

function generate(tree: Tree, options: RemoveGeneratorSchema): void {
  const paths = pathsFrom(options);
  const date = releaseDate(options.date);
  const note = checkSentence('note', options.note, 5);
  const removedIn = (options.release ?? '').trim();
  if (!removedIn) throw new Error('--release: name the catalog release that removes it (e.g. v1.20.0); users read "removed in RELEASE: NOTE"');
  const { registry: base } = loadTreeCatalog(tree, paths.catalogDir);
  const target = findTarget(base, options.name, 'remove');
  const { latest, next } = snapshotsOf(tree, base, paths, date);

  if (target.kind === 'feature') {
    const { feature } = target;
    const before = latest?.features[feature.name];
    const v1 = feature.stability === 'stable' ? stableKindsOf(next.features[feature.name], ...(latest ? [latest] : []), next) : [];
    if (v1.length > 0 && stableNeedsNewApiVersion(base)) throw new Error(messages.stableOnV1(feature.name, 'removed', v1[0]));
    if (latest && before) checkWindow('feature', before.stability, feature.deprecated, before.deprecated, featureWindow(before, latest, next), latest, date, feature.name);
    const replacedBy = options.replacedBy?.trim() || feature.deprecated?.replacedBy;
    const ownFlag = base.flags.find((flag) => flag.key === feature.flag || flag.feature === feature.name);

    const features = locate(tree, paths.catalogDir, 'ApiFeature');
    tree.write(features.file, withoutEntry(features, feature.name));
    const removed = locateOrCreateList(tree, paths.catalogDir, 'RemovedFeature', 'removedFeatures');
    tree.write(removed.file, appendEntry(removed, removedFeatureSource(removedEntry(feature, removedIn, note, replacedBy, date))));
    if (ownFlag) {
      dropFlag(tree, paths.catalogDir, ownFlag.key);
      addTombstone(tree, paths.catalogDir, tombstoneOf(ownFlag, removedIn, `the "${feature.name}" feature was removed: ${note}`, replacedBy, options.lastShipped));
    }
    const after = loadTreeCatalog(tree, paths.catalogDir);
    if (after.registry.features.some((entry) => entry.name === feature.name) || !after.registry.removedFeatures?.some((entry) => entry.name === feature.name)) {
      throw new Error(`editing the catalog did not remove "${feature.name}"; remove it by hand`);
    }
    refreshEntryTests(tree, paths.catalogDir, after, [feature.name, ...(ownFlag ? [ownFlag.key] : [])]);
    tree.write(`${paths.catalogDir}/${ENTRIES_DIR}/removed-feature-${feature.name}.test.ts`, removedFeatureTest(after, feature.name, 'remove'));
    if (ownFlag) tree.write(`${paths.catalogDir}/${ENTRIES_DIR}/tombstone-${ownFlag.key}.test.ts`, tombstoneTest(after, ownFlag.key, 'remove'));
    finish(tree, after.registry, paths, date);
    return;
  }

  const { flag } = target;
  const owner = ownerOf(base, flag);
  if (owner) throw new Error(`flag "${flag.key}" is the own flag of feature "${owner.name}": remove the feature (nx g @featuregates/tools:remove ${owner.name}); its own flag becomes a tombstone with it`);
  const before = latest?.flags[flag.key];
  if (latest && before) checkWindow('flag', before.stability, flag.deprecated, before.deprecated, flagWindow(before), latest, date, flag.key);
  const replacedBy = options.replacedBy?.trim() || flag.deprecated?.replacedBy;
  dropFlag(tree, paths.catalogDir, flag.key);
  addTombstone(tree, paths.catalogDir, tombstoneOf(flag, removedIn, note, replacedBy, options.lastShipped));
  const after = loadTreeCatalog(tree, paths.catalogDir);
  if (after.registry.flags.some((entry) => entry.key === flag.key) || !after.registry.tombstones.some((entry) => entry.key === flag.key)) {
    throw new Error(`editing the catalog did not turn "${flag.key}" into a tombstone; do it by hand`);
  }
  refreshEntryTests(tree, paths.catalogDir, after, [flag.key]);
  tree.write(`${paths.catalogDir}/${ENTRIES_DIR}/tombstone-${flag.key}.test.ts`, tombstoneTest(after, flag.key, 'remove'));
  finish(tree, after.registry, paths, date);
}

export default removeGenerator;
