import { kindOf, rootOf, walkUses, type GroupVersionKind } from './find-uses';
import { MAX_NESTING_DEPTH } from './limits';
import * as messages from './messages';
import { PathTable } from './path-table';
import type { Registry } from './registry';
import { removedFeatureOf } from './removed-features';
import { compareStability, type Stability } from './stability';

export interface FeatureRequirement {
  feature: string;
  stability: Stability;
  flag?: string;
  paths: string[];
}

/** What an object needs to be admitted: what a Catalog author writes in a Task's docs. */
export interface Requirements {
  /** The least `enable-api-fields` level that admits every feature without an own flag. */
  level: Stability;
  /** Own flags to set to "true" (under own-flag-overrides-level, each also turned on by `enable-api-fields: alpha` when unset). */
  flags: string[];
  /** List flags that must not name these items (`disable-inline-spec` must not contain `taskrun`). */
  mustNotDisable: { flag: string; contains: string }[];
  features: FeatureRequirement[];
  /**
   * Set when the object nests gated fields deeper than `MAX_NESTING_DEPTH`: no level admits it
   * (the webhook refuses it whatever the config), so the rest says only what was found above.
   */
  tooDeep?: { path: string; message: string };
  /**
   * Set when the object uses removed features (`Registry.removedFeatures`): no level, flag or bundle
   * admits them, so the object must drop them (or change to what replaces them).
   */
  removed?: RemovedRequirement[];
}

export interface RemovedRequirement {
  feature: string;
  removedIn: string;
  /** The refusal, with `removed in RELEASE: NOTE` in it, as `evaluate` words it. */
  message: string;
  replacedBy?: string;
  paths: string[];
}

export function requirements(registry: Registry, object: unknown, gvk: GroupVersionKind | undefined = kindOf(object)): Requirements {
  const byFeature = new Map<string, FeatureRequirement>();
  const result: Requirements = { level: 'stable', flags: [], mustNotDisable: [], features: [] };
  const root = gvk && rootOf(registry, gvk);
  const paths = new PathTable();
  const walk = root ? walkUses(root, object, paths, MAX_NESTING_DEPTH) : { uses: [], tooDeep: undefined };
  if (walk.tooDeep !== undefined) result.tooDeep = { path: paths.render(walk.tooDeep), message: messages.nestsTooDeep(MAX_NESTING_DEPTH) };
  const voice = messages.voiceOf(registry);
  const removedByName = new Map<string, RemovedRequirement>();
  for (const use of walk.uses) {
    const { feature } = use.check;
    const removed = removedFeatureOf(feature);
    if (removed) {
      let gone = removedByName.get(removed.name);
      if (!gone) {
        gone = {
          feature: removed.name,
          removedIn: removed.removedIn,
          message: messages.removedFeatureUse(voice, use.check.title, removed.removedIn, removed.note, removed.replacedBy),
          ...(removed.replacedBy ? { replacedBy: removed.replacedBy } : {}),
          paths: [],
        };
        removedByName.set(removed.name, gone);
        (result.removed ??= []).push(gone);
      }
      gone.paths.push(use.path);
      continue;
    }
    let entry = byFeature.get(feature.name);
    if (!entry) {
      entry = { feature: feature.name, stability: feature.stability, ...(feature.flag ? { flag: feature.flag } : {}), paths: [] };
      byFeature.set(feature.name, entry);
      result.features.push(entry);
      if (feature.flag) {
        if (!result.flags.includes(feature.flag)) result.flags.push(feature.flag);
      } else if (compareStability(feature.stability, result.level) < 0) {
        result.level = feature.stability;
      }
      if (feature.disabledBy && !result.mustNotDisable.some((d) => d.flag === feature.disabledBy?.flag && d.contains === feature.disabledBy.contains)) {
        result.mustNotDisable.push({ ...feature.disabledBy });
      }
    }
    entry.paths.push(use.path);
  }
  return result;
}
