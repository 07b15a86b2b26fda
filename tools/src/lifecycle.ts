/**
 * What the lifecycle generators (deprecate, remove, default, level-default) share: the catalog
 * before and after as the policy sees it, the entry they name, and the dates its windows allow.
 */
import type { Tree } from '@nx/devkit';
import { projectOf, type ApiFeature, type BehaviorFlag, type Registry } from '@featuregates/gates';
import { addMonths, earliestAfter, snapshotOf, type Snapshot, type Window } from '@featuregates/release';
import { latestTreeSnapshot, type ReleasePaths } from './finish';

export interface Snapshots {
  /** The latest release of ours, if any: what users have. */
  latest?: Snapshot;
  /** The catalog as it stands, as the next release would freeze it. */
  next: Snapshot;
}

export function snapshotsOf(tree: Tree, registry: Registry, paths: ReleasePaths, date: string): Snapshots {
  const latest = latestTreeSnapshot(tree, paths.releases);
  return { latest, next: snapshotOf(registry, { version: 'unreleased', date, previous: latest }) };
}

/**
 * The date a window counted from `date` ends. Alpha's window is one release of warning, which no
 * date can promise: none then (the check allows the change in any release after the notice's).
 */
export function windowEnd(window: Window, date: string): string | undefined {
  const earliest = earliestAfter({ date }, window);
  return earliest.kind === 'date' ? earliest.date : undefined;
}

export function laterOf(...dates: (string | undefined)[]): string | undefined {
  return dates.filter((date): date is string => date !== undefined).sort().pop();
}

export type Target = { kind: 'feature'; feature: ApiFeature } | { kind: 'flag'; flag: BehaviorFlag };

/** The feature or flag a lifecycle generator names, or an error that says what the catalog has instead. */
export function findTarget(registry: Registry, name: string, generator: string): Target {
  const feature = registry.features.find((entry) => entry.name === name);
  if (feature) return { kind: 'feature', feature };
  const flag = registry.flags.find((entry) => entry.key === name);
  if (flag) return { kind: 'flag', flag };
  const removed = registry.removedFeatures?.find((entry) => entry.name === name);
  if (removed) throw new Error(`feature "${name}" was removed in ${removed.removedIn}; there is nothing left to ${generator}`);
  const tombstone = registry.tombstones.find((entry) => entry.key === name);
  if (tombstone) throw new Error(`flag "${name}" was removed in ${tombstone.removedIn} (a tombstone); there is nothing left to ${generator}`);
  throw new Error(`no feature or flag "${name}" in the catalog: name a feature (${registry.features.map((entry) => entry.name).join(', ') || 'none'}) or a flag key`);
}

/** The live feature whose own flag this is, if any. */
export function ownerOf(registry: Registry, flag: BehaviorFlag): ApiFeature | undefined {
  return registry.features.find((feature) => feature.name === flag.feature || (feature.flag !== undefined && feature.flag === flag.key));
}

/** Words users will read: not a placeholder (a notice's message is a sentence; a removal's note may be a phrase). */
export function checkSentence(option: string, text: string | undefined, shortest = 11): string {
  const value = (text ?? '').trim();
  if (value.length < shortest) throw new Error(`--${option}: say ${shortest > 5 ? 'in one sentence ' : ''}what users should know (${shortest} characters or more)`);
  return value;
}

/** Whether Tekton's rule that a stable feature on a v1 kind is never removed applies to this catalog. */
export function stableNeedsNewApiVersion(registry: Registry): boolean {
  return registry.compatibility?.stableFeaturesNeedNewApiVersion ?? true;
}

/** The levels the level key takes, least stable first. */
export function levelsOf(registry: Registry): readonly string[] {
  return projectOf(registry).levels;
}

export { addMonths };

/** An announcement as a released snapshot records it (`flags[key].defaultChange`, `level.notice`). */
export interface ShippedAnnouncement {
  to: string;
  date: string;
  release: string;
}

function windowWords(window: Window): string {
  return window.kind === 'release' ? 'one release of warning' : `${window.months} months because ${window.why}`;
}

/**
 * Refuses a flip of a default the policy (and the announcement's own promise) does not allow yet:
 * before the announcement has shipped in a release, or before the later of the window's end and
 * `flipNotBefore`.
 */
export function checkFlip(key: string, to: string, flipNotBefore: string | undefined, shipped: ShippedAnnouncement | undefined, window: Window, latest: Snapshot, date: string): void {
  const flip = `the default of "${key}" cannot flip to "${to}"`;
  if (!shipped || shipped.to !== to) {
    const when = window.kind === 'release' ? 'in any release after the one that ships it' : `from ${flipNotBefore ?? 'the date the window ends after it ships'}`;
    throw new Error(`${flip} yet: its announcement has not shipped (the latest release, ${latest.version}, does not carry it); release it first, and the flip is allowed ${when}`);
  }
  const allowed = laterOf(window.kind === 'months' ? windowEnd(window, shipped.date) : undefined, flipNotBefore);
  if (allowed && date < allowed) {
    throw new Error(
      `${flip} on ${date}: it was announced on ${shipped.date} (release ${shipped.release})${window.kind === 'months' ? `, the policy asks for ${windowWords(window)}` : ''}${flipNotBefore ? `, and the announcement promised not before ${flipNotBefore}` : ''}: allowed from ${allowed} (pass --date ${allowed} or later)`,
    );
  }
}
