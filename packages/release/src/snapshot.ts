import { formatValue, gatedPaths, kindLabel, projectOf, STABILITIES, type ApiFeature, type DefaultChange, type FlagScalar, type HistoryEntry, type Registry } from '@featuregates/gates';
import type { DefaultNotice, FeatureEntry, FeatureTombstoneEntry, FlagEntry, KindEntry, Notice, Snapshot, TombstoneEntry } from './types';

export interface SnapshotOptions {
  /** Our release version, or `unreleased` for the working tree. */
  version: string;
  /** The release date, ISO `YYYY-MM-DD`. */
  date: string;
  /**
   * The snapshot of the release before this one. A notice it already had keeps its date; a notice
   * it lacked is dated by this release. Without one (the first release), a notice is dated by
   * its catalog history, so deprecations older than our first release count from when they happened.
   */
  previous?: Snapshot;
}

const VERSION_PREFIX = /^v\d+(?:(?:alpha|beta)\d+)?\./;

/** `v1.PipelineTask` → `PipelineTask`: the field is the same in every version. */
function fieldName(type: string, path: string): string {
  return `${type.replace(VERSION_PREFIX, '')}.${path}`;
}

const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort();

function lastDeprecation(history: readonly HistoryEntry[]): HistoryEntry | undefined {
  return [...history].reverse().find((entry) => entry.event === 'deprecated');
}

function dateNotice<Current extends { since: string; message: string }>(
  current: Current,
  carried: Notice | undefined,
  history: HistoryEntry | undefined,
  options: SnapshotOptions,
): Notice & Current {
  if (carried) return { ...current, date: carried.date, release: carried.release };
  if (!options.previous && history?.date) return { ...current, date: history.date, release: 'catalog' };
  return { ...current, date: options.date, release: options.version };
}

function historyLabel(entry: HistoryEntry): string {
  return entry.stability ? `${entry.release} (${entry.stability})` : entry.release;
}

/** One history entry as a removed feature's tombstone keeps it: `v0.3 introduced (alpha)`. */
function historyLine(entry: HistoryEntry): string {
  return `${entry.release} ${entry.event}${entry.stability ? ` (${entry.stability})` : ''}${entry.date ? ` ${entry.date}` : ''}${entry.note ? `: ${entry.note}` : ''}`;
}

/** A feature's (or removed feature's) gated YAML paths per kind label, sorted. */
function pathsOf(registry: Registry, feature: Pick<ApiFeature, 'uses' | 'title'>): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const { kind, path } of gatedPaths(registry, feature as ApiFeature)) (paths[kindLabel(kind)] ??= []).push(path);
  for (const label of Object.keys(paths)) paths[label] = sortedUnique(paths[label]);
  return paths;
}

/** Freezes a registry as one release of ours sees it: deterministic, and all that diffs and the policy read. */
export function snapshotOf(registry: Registry, options: SnapshotOptions): Snapshot {
  const { previous } = options;
  const declaredLevels = [...projectOf(registry).levels];

  const kinds: Record<string, KindEntry> = {};
  for (const kind of registry.kinds) {
    kinds[kindLabel(kind)] = { group: kind.group, version: kind.version, kind: kind.kind, stability: kind.stability };
  }

  const features: Record<string, FeatureEntry> = {};
  // A variant (a custom task) is the same object read differently: its fields are named by the type it varies.
  const varied = new Map((registry.variants ?? []).map((variant) => [variant.as, variant.type]));
  for (const feature of registry.features) {
    const paths = pathsOf(registry, feature);
    const introduced = feature.history.find((entry) => entry.event === 'introduced');
    features[feature.name] = {
      title: feature.title,
      stability: feature.stability,
      description: feature.description,
      ...(feature.flag ? { flag: feature.flag } : {}),
      ...(feature.disabledBy ? { disabledBy: { ...feature.disabledBy } } : {}),
      fields: sortedUnique(feature.uses.map((use) => fieldName(varied.get(use.type) ?? use.type, use.path))),
      paths,
      ...(introduced ? { introduced: historyLabel(introduced) } : {}),
      promoted: feature.history.filter((entry) => entry.event === 'promoted').map(historyLabel),
      ...(feature.deprecated
        ? { deprecated: dateNotice(feature.deprecated, previous?.features[feature.name]?.deprecated, lastDeprecation(feature.history), options) }
        : {}),
      ...(feature.docs ? { docs: feature.docs } : {}),
    };
  }

  const flags: Record<string, FlagEntry> = {};
  for (const flag of registry.flags) {
    const before = previous?.flags[flag.key];
    const introduced = flag.history.find((entry) => entry.event === 'introduced');
    flags[flag.key] = {
      type: flag.type,
      default: formatValue(flag.default),
      ...(flag.values ? { values: [...flag.values] } : {}),
      ...(flag.min !== undefined ? { min: flag.min } : {}),
      ...(flag.max !== undefined ? { max: flag.max } : {}),
      stability: flag.stability,
      ...(flag.valueStability ? { valueStability: { ...flag.valueStability } } : {}),
      description: flag.description,
      ...(flag.feature ? { feature: flag.feature } : {}),
      ...(flag.impliedBy ? { impliedBy: flag.impliedBy } : {}),
      ...(introduced ? { introduced: historyLabel(introduced) } : {}),
      ...(flag.deprecated ? { deprecated: dateNotice(flag.deprecated, before?.deprecated, lastDeprecation(flag.history), options) } : {}),
      ...(flag.deprecatedValues && flag.deprecatedValues.length > 0
        ? {
            deprecatedValues: flag.deprecatedValues
              .map(({ value, message }) => {
                const carried = before?.deprecatedValues?.find((entry) => entry.value === String(value));
                return { value: String(value), ...dateNotice({ since: options.version, message }, carried, undefined, options) };
              })
              .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
          }
        : {}),
      ...(flag.defaultChange && formatValue(flag.defaultChange.to) !== formatValue(flag.default)
        ? { defaultChange: defaultNotice(flag.defaultChange, before?.defaultChange, options) }
        : {}),
    };
  }

  const removedFeatures: Record<string, FeatureTombstoneEntry> = {};
  for (const removed of registry.removedFeatures ?? []) {
    removedFeatures[removed.name] = {
      title: removed.title,
      stability: removed.stability,
      description: removed.description,
      ...(removed.flag ? { flag: removed.flag } : {}),
      fields: sortedUnique(removed.uses.map((use) => fieldName(varied.get(use.type) ?? use.type, use.path))),
      paths: pathsOf(registry, removed),
      removedIn: removed.removedIn,
      note: removed.note,
      ...(removed.replacedBy ? { replacedBy: removed.replacedBy } : {}),
      history: removed.history.map(historyLine),
    };
  }

  const tombstones: Record<string, TombstoneEntry> = {};
  for (const tombstone of registry.tombstones) {
    const { key, ...rest } = tombstone;
    tombstones[key] = { ...rest };
  }
  const aliases: Record<string, { target: string; note: string }> = {};
  for (const alias of registry.aliases) aliases[alias.key] = { target: alias.target, note: alias.note };

  const lastLevelEntry = registry.apiFieldsHistory[registry.apiFieldsHistory.length - 1];
  // An announced level default: `levelDefaultChange`, else (as 0.1.0's catalogs said it) a last `deprecated` history entry naming the new default.
  const change = registry.levelDefaultChange && registry.levelDefaultChange.to !== registry.defaultLevel ? registry.levelDefaultChange : undefined;
  const announced =
    lastLevelEntry?.event === 'deprecated' && typeof lastLevelEntry.default === 'string' && lastLevelEntry.default !== registry.defaultLevel
      ? lastLevelEntry
      : undefined;
  const levelNotice = change
    ? { ...defaultNotice(change, previous?.level.notice, options), to: change.to }
    : announced
    ? {
        to: announced.default as Snapshot['level']['default'],
        ...dateNotice(
          { since: announced.release, message: announced.note ?? `the default of "${registry.apiFieldsKey}" becomes "${String(announced.default)}"` },
          previous?.level.notice?.to === announced.default ? previous?.level.notice : undefined,
          announced,
          options,
        ),
      }
    : undefined;

  return {
    schema: 1,
    catalog: registry.name,
    version: options.version,
    date: options.date,
    level: {
      key: registry.apiFieldsKey,
      default: registry.defaultLevel,
      ...(declaredLevels.length < STABILITIES.length ? { levels: declaredLevels } : {}),
      ...(levelNotice ? { notice: levelNotice } : {}),
      ...(registry.ownFlagRule ? { ownFlagRule: registry.ownFlagRule } : {}),
    },
    kinds,
    features,
    flags,
    tombstones,
    ...(Object.keys(removedFeatures).length > 0 ? { removedFeatures } : {}),
    aliases,
  };
}

/** A flag's or the level's announced default change, dated by the release that first shipped it. */
function defaultNotice(change: DefaultChange<FlagScalar>, carried: DefaultNotice | undefined, options: SnapshotOptions): DefaultNotice {
  const to = formatValue(change.to);
  const current = { since: change.since, message: change.message, ...(change.flipNotBefore ? { flipNotBefore: change.flipNotBefore } : {}) };
  return { to, ...dateNotice(current, carried?.to === to ? carried : undefined, undefined, options) };
}

/** A snapshot with nothing in it: what the first release is compared with. */
export function emptySnapshot(catalog: string, levelKey: string, level: Snapshot['level']['default'], date = '1970-01-01'): Snapshot {
  return { schema: 1, catalog, version: '0.0.0', date, level: { key: levelKey, default: level }, kinds: {}, features: {}, flags: {}, tombstones: {}, aliases: {} };
}
