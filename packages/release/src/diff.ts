import { compareStability } from '@featuregates/gates';
import { featureRef, flagRef } from './refs';
import type { ReleaseEvent, Snapshot } from './types';
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
    events.push({ type: 'level-default-announced', key: to.level.key, from: to.level.default, to: notice.to, notice, removal: earliestAfter(notice, levelWindow(from, to)) });
  }
  const fromRule = from.level.ownFlagRule ?? 'own-flag-overrides-level';
  const toRule = to.level.ownFlagRule ?? 'own-flag-overrides-level';
  if (fromRule !== toRule && Object.keys(from.features).length > 0) events.push({ type: 'own-flag-rule-changed', key: to.level.key, from: fromRule, to: toRule });
  if (from.level.default !== to.level.default) {
    events.push({ type: 'level-default-changed', key: to.level.key, from: from.level.default, to: to.level.default });
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
      if (after.deprecated) events.push({ type: 'feature-deprecated', feature: featureRef(name, after, to.level.key, to.level.levels, to.level.ownFlagRule), notice: after.deprecated, removal: earliestAfter(after.deprecated, featureWindow(after, to)) });
      continue;
    }
    if (before && !after) {
      events.push({ type: 'feature-removed', feature: featureRef(name, before, from.level.key, from.level.levels, from.level.ownFlagRule) });
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
      events.push({ type: 'feature-deprecated', feature: ref, notice: after.deprecated, removal: earliestAfter(after.deprecated, featureWindow(after, from, to)) });
    }
    if (before.deprecated && !after.deprecated) events.push({ type: 'feature-deprecation-withdrawn', feature: ref });
  }

  for (const key of sortedKeys(from.flags, to.flags)) {
    const [before, after] = [from.flags[key], to.flags[key]];
    if (!before && after) {
      events.push({ type: 'flag-added', flag: flagRef(key, after, to.level.levels) });
      if (after.deprecated) events.push({ type: 'flag-deprecated', flag: flagRef(key, after, to.level.levels), notice: after.deprecated, removal: earliestAfter(after.deprecated, flagWindow(after)) });
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
      events.push({ type: 'flag-deprecated', flag: ref, notice: after.deprecated, removal: earliestAfter(after.deprecated, flagWindow(after)) });
    }
    for (const value of after.deprecatedValues ?? []) {
      if (before.deprecatedValues?.some((entry) => entry.value === value.value)) continue;
      events.push({ type: 'flag-value-deprecated', flag: ref, value: value.value, notice: value, removal: earliestAfter(value, flagWindow(after)) });
    }
  }

  for (const key of sortedKeys(from.tombstones)) {
    if (!to.tombstones[key] && !to.flags[key]) events.push({ type: 'tombstone-removed', key, tombstone: from.tombstones[key] });
  }
  return events;
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
