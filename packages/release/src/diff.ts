import { compareStability } from '@featuregates/gates';
import { featureRef, flagRef } from './refs';
import type { DefaultNotice, Earliest, FlagEntry, FlagRef, ReleaseEvent, Snapshot } from './types';
import { earliestAfter, featureWindow, flagWindow, levelWindow } from './windows';

const sortedKeys = (...records: Record<string, unknown>[]): string[] => [...new Set(records.flatMap((record) => Object.keys(record)))].sort();

function allPaths(paths: Record<string, string[]>): Set<string> {
  return new Set(Object.entries(paths).flatMap(([kind, list]) => list.map((path) => `${kind}: ${path}`)));
}

/**
 * What changed from one release's snapshot to the next (or to the working tree), as typed events
 * in a stable order: the level key, kinds, features, flags, then tombstones; names sorted.
 */
export function diffSnapshots(from: Snapshot, to: Snapshot): ReleaseEvent[] {
  const events: ReleaseEvent[] = [];

  if (to.level.notice && to.level.notice.to !== from.level.notice?.to && to.level.notice.to !== to.level.default) {
    const notice = to.level.notice;
    events.push({ type: 'level-default-announced', key: to.level.key, from: to.level.default, to: notice.to, notice, removal: laterOf(earliestAfter(notice, levelWindow(from, to)), notice.flipNotBefore) });
  }
  const fromRule = from.level.ownFlagRule ?? 'own-flag-overrides-level';
  const toRule = to.level.ownFlagRule ?? 'own-flag-overrides-level';
  if (fromRule !== toRule && Object.keys(from.features).length > 0) events.push({ type: 'own-flag-rule-changed', key: to.level.key, from: fromRule, to: toRule });
  if (from.level.default !== to.level.default) {
    events.push({ type: 'level-default-changed', key: to.level.key, from: from.level.default, to: to.level.default });
  } else if (from.level.notice && from.level.notice.to !== to.level.notice?.to) {
    events.push({ type: 'level-default-withdrawn', key: to.level.key, default: to.level.default, to: from.level.notice.to });
  }

  for (const label of sortedKeys(from.kinds, to.kinds)) {
    const [before, after] = [from.kinds[label], to.kinds[label]];
    if (!before && after) events.push({ type: 'kind-added', kind: label, stability: after.stability });
    if (before && !after) events.push({ type: 'kind-removed', kind: label, stability: before.stability });
  }

  for (const name of sortedKeys(from.features, to.features)) {
    const [before, after] = [from.features[name], to.features[name]];
    if (!before && after) {
      events.push({ type: 'feature-added', feature: featureRef(name, after, to.level.key, to.level.levels, to.level.ownFlagRule) });
      if (after.deprecated) events.push({ type: 'feature-deprecated', feature: featureRef(name, after, to.level.key, to.level.levels, to.level.ownFlagRule), notice: after.deprecated, removal: laterOf(earliestAfter(after.deprecated, featureWindow(after, to)), after.deprecated.removalNotBefore) });
      continue;
    }
    if (before && !after) {
      const feature = featureRef(name, before, from.level.key, from.level.levels, from.level.ownFlagRule);
      const tombstone = to.removedFeatures?.[name];
      events.push(tombstone ? { type: 'feature-tombstoned', feature, tombstone } : { type: 'feature-removed', feature });
      continue;
    }
    const ref = featureRef(name, after, to.level.key, to.level.levels, to.level.ownFlagRule);
    const order = compareStability(after.stability, before.stability);
    if (order > 0) events.push({ type: 'feature-promoted', feature: ref, from: before.stability, to: after.stability });
    if (order < 0) events.push({ type: 'feature-demoted', feature: ref, from: before.stability, to: after.stability });

    const [oldPaths, newPaths] = [allPaths(before.paths), allPaths(after.paths)];
    const addedPaths = [...newPaths].filter((path) => !oldPaths.has(path)).sort();
    const removedPaths = [...oldPaths].filter((path) => !newPaths.has(path)).sort();
    if (addedPaths.length > 0 || removedPaths.length > 0 || before.flag !== after.flag) {
      events.push({
        type: 'feature-changed',
        feature: ref,
        addedPaths,
        removedPaths,
        ...(before.flag !== after.flag ? { ...(before.flag ? { flagFrom: before.flag } : {}), ...(after.flag ? { flagTo: after.flag } : {}) } : {}),
      });
    }
    if (after.deprecated && !before.deprecated) {
      events.push({ type: 'feature-deprecated', feature: ref, notice: after.deprecated, removal: laterOf(earliestAfter(after.deprecated, featureWindow(after, from, to)), after.deprecated.removalNotBefore) });
    }
    if (before.deprecated && !after.deprecated) events.push({ type: 'feature-deprecation-withdrawn', feature: ref });
  }

  for (const key of sortedKeys(from.flags, to.flags)) {
    const [before, after] = [from.flags[key], to.flags[key]];
    if (!before && after) {
      events.push({ type: 'flag-added', flag: flagRef(key, after, to.level.levels) });
      if (after.deprecated) events.push({ type: 'flag-deprecated', flag: flagRef(key, after, to.level.levels), notice: after.deprecated, removal: laterOf(earliestAfter(after.deprecated, flagWindow(after)), after.deprecated.removalNotBefore) });
      if (after.defaultChange) events.push(defaultAnnounced(flagRef(key, after, to.level.levels), after));
      continue;
    }
    if (before && !after) {
      const tombstone = to.tombstones[key];
      events.push(tombstone ? { type: 'flag-tombstoned', flag: flagRef(key, before, from.level.levels), tombstone } : { type: 'flag-removed', flag: flagRef(key, before, from.level.levels) });
      continue;
    }
    const ref = flagRef(key, after, to.level.levels);
    const order = compareStability(after.stability, before.stability);
    if (order > 0) events.push({ type: 'flag-promoted', flag: ref, from: before.stability, to: after.stability });
    if (order < 0) events.push({ type: 'flag-demoted', flag: ref, from: before.stability, to: after.stability });
    if (before.default !== after.default) events.push({ type: 'flag-default-changed', flag: ref, from: before.default, to: after.default });
    const [oldValues, newValues] = [before.values ?? [], after.values ?? []];
    const added = newValues.filter((value) => !oldValues.includes(value)).sort();
    const removed = oldValues.filter((value) => !newValues.includes(value)).sort();
    if (added.length > 0 || removed.length > 0) events.push({ type: 'flag-values-changed', flag: ref, added, removed });
    if (after.deprecated && !before.deprecated) {
      events.push({ type: 'flag-deprecated', flag: ref, notice: after.deprecated, removal: laterOf(earliestAfter(after.deprecated, flagWindow(after)), after.deprecated.removalNotBefore) });
    }
    if (after.defaultChange && after.defaultChange.to !== before.defaultChange?.to) events.push(defaultAnnounced(ref, after));
    if (before.defaultChange && before.default === after.default && before.defaultChange.to !== after.defaultChange?.to) {
      events.push({ type: 'flag-default-withdrawn', flag: ref, to: before.defaultChange.to });
    }
    for (const value of after.deprecatedValues ?? []) {
      if (before.deprecatedValues?.some((entry) => entry.value === value.value)) continue;
      events.push({ type: 'flag-value-deprecated', flag: ref, value: value.value, notice: value, removal: earliestAfter(value, flagWindow(after)) });
    }
  }

  for (const key of sortedKeys(from.tombstones)) {
    if (!to.tombstones[key] && !to.flags[key]) events.push({ type: 'tombstone-removed', key, tombstone: from.tombstones[key] });
  }
  const [removedBefore, removedAfter] = [from.removedFeatures ?? {}, to.removedFeatures ?? {}];
  for (const name of sortedKeys(removedBefore)) {
    if (!removedAfter[name] && !to.features[name]) events.push({ type: 'feature-tombstone-removed', key: name, tombstone: removedBefore[name] });
  }
  return events;
}

/** A flag's default flip announced: when it may ship is the later of the policy's window and the promised date. */
function defaultAnnounced(flag: FlagRef, entry: FlagEntry): ReleaseEvent {
  const notice = entry.defaultChange as DefaultNotice;
  return { type: 'flag-default-announced', flag, from: entry.default, to: notice.to, notice, flip: laterOf(earliestAfter(notice, flagWindow(entry)), notice.flipNotBefore) };
}

/** The later of when the policy allows a change and the date users were promised. */
export function laterOf(earliest: Earliest, promised: string | undefined): Earliest {
  if (!promised) return earliest;
  return earliest.kind === 'date' && earliest.date >= promised ? earliest : { kind: 'date', date: promised };
}

/** What an event is about: the feature, flag, kind or key. */
export function eventSubject(event: ReleaseEvent): string {
  return 'feature' in event ? event.feature.name : 'flag' in event ? event.flag.key : 'kind' in event ? event.kind : event.key;
}

/** A stable identity for an event: one changeset per id. */
export function eventId(event: ReleaseEvent): string {
  const subject = eventSubject(event);
  return event.type === 'flag-value-deprecated' ? `${event.type}:${subject}=${event.value}` : `${event.type}:${subject}`;
}
