import type { ApiFeature, BehaviorFlag, FieldUse, FlagValue, Registry, RemovedFeature, RootKind, TypeNode } from '@featuregates/gates';
import type { FeatureEntry, FeatureTombstoneEntry, FlagEntry, Snapshot } from './types';

/** `spec.tasks[].params[].value` → `spec`, `tasks[]`, `params[]`, `value`: the steps of the type graph. */
function segmentsOf(path: string): string[] {
  return path.split('.');
}

/** `example.dev/v1 Widget` → group, version and kind. */
export function parseKindLabel(label: string): { group: string; version: string; kind: string } {
  const [groupVersion, kind] = label.split(' ');
  const slash = groupVersion.lastIndexOf('/');
  return { group: slash < 0 ? '' : groupVersion.slice(0, slash), version: groupVersion.slice(slash + 1), kind };
}

function flagDefault(entry: FlagEntry): FlagValue {
  if (entry.type === 'bool') return entry.default === 'true';
  if (entry.type === 'int') return Number(entry.default);
  if (entry.type === 'list') return entry.default === '' ? [] : entry.default.split(',');
  return entry.default;
}

/**
 * An evaluable registry rebuilt from a released snapshot, for releases whose catalog is no longer
 * code: its kinds, each gated YAML path as a use (any value present counts, as the snapshot keeps
 * no matcher), own flags, list flags that forbid stable features, levels, the own-flag rule, flag
 * and feature tombstones. It decides whether a use at a path is on exactly as the catalog did,
 * which is what the notes claim; which values count as a use it cannot know.
 */
export function registryFromSnapshot(snapshot: Snapshot): Registry {
  const types: Record<string, Record<string, string>> = {};
  const kinds: RootKind[] = Object.entries(snapshot.kinds).map(([label, kind]) => {
    types[label] = {};
    return { group: kind.group, version: kind.version, kind: kind.kind, type: label, stability: kind.stability };
  });

  /** The use at a kind's YAML path: the path's parent becomes a node of the type graph. */
  const useAt = (label: string, path: string, title: string): FieldUse => {
    const segments = segmentsOf(path);
    let type = label;
    for (let index = 0; index < segments.length - 1; index += 1) {
      const child = `${label} ${segments.slice(0, index + 1).join('.')}`;
      (types[type] ??= {})[segments[index]] = child;
      types[child] ??= {};
      type = child;
    }
    return { type, path: segments[segments.length - 1], match: { kind: 'present' }, title };
  };
  const usesOf = (entry: Pick<FeatureEntry | FeatureTombstoneEntry, 'paths' | 'title'>): FieldUse[] =>
    Object.entries(entry.paths).flatMap(([label, paths]) => (snapshot.kinds[label] ? paths.map((path) => useAt(label, path, entry.title)) : []));

  const features: ApiFeature[] = Object.entries(snapshot.features).map(([name, entry]) => ({
    name,
    title: entry.title,
    stability: entry.stability,
    description: entry.description,
    ...(entry.flag ? { flag: entry.flag } : {}),
    ...(entry.disabledBy ? { disabledBy: { ...entry.disabledBy } } : {}),
    uses: usesOf(entry),
    history: [],
    ...(entry.deprecated ? { deprecated: { since: entry.deprecated.since, message: entry.deprecated.message } } : {}),
  }));
  const removedFeatures: RemovedFeature[] = Object.entries(snapshot.removedFeatures ?? {}).map(([name, entry]) => ({
    name,
    title: entry.title,
    stability: entry.stability,
    description: entry.description,
    uses: usesOf(entry),
    ...(entry.flag ? { flag: entry.flag } : {}),
    removedIn: entry.removedIn,
    note: entry.note,
    ...(entry.replacedBy ? { replacedBy: entry.replacedBy } : {}),
    history: [],
  }));
  const flags: BehaviorFlag[] = Object.entries(snapshot.flags).map(([key, entry]) => ({
    key,
    type: entry.type as BehaviorFlag['type'],
    default: flagDefault(entry),
    ...(entry.values ? { values: [...entry.values] } : {}),
    ...(entry.min !== undefined ? { min: entry.min } : {}),
    ...(entry.max !== undefined ? { max: entry.max } : {}),
    stability: entry.stability,
    ...(entry.valueStability ? { valueStability: { ...entry.valueStability } } : {}),
    description: entry.description,
    history: [],
    ...(entry.feature ? { feature: entry.feature } : {}),
    ...(entry.impliedBy ? { impliedBy: entry.impliedBy } : {}),
  }));

  return {
    name: snapshot.catalog,
    apiFieldsKey: snapshot.level.key,
    defaultLevel: snapshot.level.default,
    ...(snapshot.level.levels ? { levels: [...snapshot.level.levels] } : {}),
    ...(snapshot.level.ownFlagRule ? { ownFlagRule: snapshot.level.ownFlagRule } : {}),
    apiFieldsDescription: '',
    apiFieldsHistory: [],
    kinds,
    types: types as Record<string, TypeNode>,
    features,
    flags,
    tombstones: Object.entries(snapshot.tombstones).map(([key, entry]) => ({ key, ...entry })),
    ...(removedFeatures.length > 0 ? { removedFeatures } : {}),
    aliases: Object.entries(snapshot.aliases).map(([key, entry]) => ({ key, ...entry })),
  };
}

/** A minimal object of a kind that sets one YAML path (`spec.tasks[].matrix`) to a value. */
export function objectAt(label: string, path: string, value: unknown = 'x'): Record<string, unknown> {
  const { group, version, kind } = parseKindLabel(label);
  const root: Record<string, unknown> = { apiVersion: group ? `${group}/${version}` : version, kind, metadata: { name: 'claim' } };
  let node = root;
  const segments = segmentsOf(path);
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    const array = segment.endsWith('[]');
    const field = array ? segment.slice(0, -2) : segment;
    if (last) {
      node[field] = array ? [value] : value;
      return;
    }
    const child: Record<string, unknown> = (array ? (node[field] as unknown[] | undefined)?.[0] : node[field]) as Record<string, unknown> ?? {};
    node[field] = array ? [child] : child;
    node = child;
  });
  return root;
}
