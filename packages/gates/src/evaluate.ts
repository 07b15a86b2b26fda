import type {} from './compile-time';
import { kindOf, rootOf, walkUses, type GroupVersionKind, type RawUse } from './find-uses';
import { featureState, type FeatureState } from './is-enabled';
import * as messages from './messages';
import type { GateConfig } from './parse-config';
import { getOrInsert } from './get-or-insert';
import { MAX_NESTING_DEPTH } from './limits';
import { PathTable } from './path-table';
import { ratchetedUses } from './ratchet';
import { removedFeatureOf } from './removed-features';
import type { ApiFeature } from './registry';
import type { Stability } from './stability';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

export interface EvaluateOptions {
  config: GateConfig;
  operation?: Operation | string;
  oldObject?: unknown;
  /** `status` (or any subresource) is never gated. */
  subResource?: string;
  /** The kind the request names; defaults to the object's apiVersion and kind. */
  kind?: GroupVersionKind;
  /**
   * How many path segments deep the walk follows gated fields (embedded specs nest three a level:
   * `tasks`, `[0]`, `pipelineSpec`). An object that goes deeper there is refused, not walked on;
   * nesting in fields no gate reads is never visited. `MAX_NESTING_DEPTH` when omitted, the one
   * limit the webhook and the CLI share; `Infinity` walks any depth.
   */
  maxDepth?: number;
}

export type UseDecision = 'allowed' | 'rejected' | 'ratcheted';

export interface FeatureUse {
  feature: string;
  title: string;
  stability: Stability;
  path: string;
  decision: UseDecision;
}

export interface Violation {
  path: string;
  /** The feature used; absent when the object was refused for nesting past `maxDepth`. */
  feature?: string;
  message: string;
}

export interface Evaluation {
  allowed: boolean;
  violations: Violation[];
  warnings: string[];
  uses: FeatureUse[];
  /** Why the object was not evaluated at all, when it was not. */
  skipped?: 'operation' | 'subresource' | 'unknown-kind';
}

function violationMessage(feature: ApiFeature, state: FeatureState, use: RawUse, config: GateConfig): string {
  const { registry, level, ceiling } = config;
  const voice = messages.voiceOf(registry);
  const removed = state.reason === 'removed' ? removedFeatureOf(feature) : undefined;
  if (removed) return messages.removedFeatureUse(voice, use.check.title, removed.removedIn, removed.note, removed.replacedBy);
  if (state.reason === 'disabled-by' && feature.disabledBy) {
    return messages.forbiddenByListFlag(voice, use.path, feature.disabledBy.flag, feature.disabledBy.contains, use.check.title);
  }
  const flagText = feature.flag
    ? (feature.flagMessage ?? messages.ownFlagOffDefault(voice, feature.flag, use.check.title, feature.stability)).replace('{value}', messages.describeValue(use.value))
    : undefined;
  const base = flagText ?? messages.apiFieldsRequired(voice, use.check.title, feature.stability, level, registry.apiFieldsKey);
  if (state.reason === 'ceiling') return base + messages.ceilingHint(voice, ceiling, feature.stability);
  if (state.reason === 'level' && feature.flag) return base + messages.ownFlagOrLevelHint(voice, feature.flag, registry.apiFieldsKey, feature.stability);
  return base;
}

/** Each config's feature states, decided once: a GateConfig is never changed after parsing. */
const statesByConfig = new WeakMap<GateConfig, Map<ApiFeature, FeatureState>>();
const newStates = (): Map<ApiFeature, FeatureState> => new Map();

const NONE_RATCHETED: ReadonlySet<RawUse> = new Set();

const tooDeep = (path: string, limit: number): Evaluation => ({ allowed: false, violations: [{ path, message: messages.nestsTooDeep(limit) }], warnings: [], uses: [] });

const skip = (reason: Evaluation['skipped']): Evaluation => ({ allowed: true, violations: [], warnings: [], uses: [], skipped: reason });

/**
 * Admission of one object under a config (DESIGN.md "Semantics"): uses of features that are off
 * are violations, except on UPDATE where the old object had the same use at the same path with
 * the same value (ratcheting); uses of alpha and beta features that are on are warned about, and
 * each deprecated feature in use once. A removed feature is off at every level and in every
 * bundle, and ratchets like any other: an existing object keeps it (finalizers must still come
 * off old runs), with a warning, and new uses are refused.
 */
export function evaluate(object: unknown, options: EvaluateOptions): Evaluation {
  const { config } = options;
  const operation = options.operation ?? 'CREATE';
  if (operation === 'DELETE' || operation === 'CONNECT') return skip('operation');
  if (options.subResource) return skip('subresource');
  const gvk = options.kind ?? kindOf(object);
  const root = gvk && rootOf(config.registry, gvk);
  if (!root) return skip('unknown-kind');
  const maxDepth = options.maxDepth ?? MAX_NESTING_DEPTH;
  const paths = new PathTable();
  const walk = walkUses(root, object, paths, maxDepth);
  if (walk.tooDeep !== undefined) return tooDeep(paths.render(walk.tooDeep), maxDepth);
  const found = walk.uses;
  // Most objects use no gated feature at all: nothing to decide, so nothing more to allocate.
  if (found.length === 0) return { allowed: true, violations: [], warnings: [], uses: [] };

  const states = getOrInsert(statesByConfig, config, newStates);
  // Not through getOrInsert: that would make a closure for every use.
  const stateOf = (feature: ApiFeature): FeatureState => {
    let state = states.get(feature);
    if (!state) {
      state = featureState(feature, config);
      states.set(feature, state);
    }
    return state;
  };

  const off = operation === 'UPDATE' && options.oldObject !== undefined && options.oldObject !== null ? found.filter((use) => !stateOf(use.check.feature).enabled) : [];
  const old = off.length > 0 ? walkUses(root, options.oldObject, paths, maxDepth) : undefined;
  if (old?.tooDeep !== undefined) return tooDeep(`oldObject.${paths.render(old.tooDeep)}`, maxDepth);
  const ratcheted = old ? ratchetedUses(off, old.uses) : NONE_RATCHETED;

  const violations: Violation[] = [];
  // No two uses share a path and a feature (compileRegistry keeps one check per feature per node), so no two warnings are the same.
  const warnings: string[] = [];
  const uses: FeatureUse[] = [];
  // A deprecation notice is told once per feature per object, at its first use that is admitted.
  let noticed: Set<ApiFeature> | undefined;
  for (const use of found) {
    const { feature, title } = use.check;
    const state = stateOf(feature);
    const path = use.path;
    let decision: UseDecision = 'allowed';
    if (!state.enabled) {
      if (ratcheted.has(use)) {
        decision = 'ratcheted';
        const removed = state.reason === 'removed' ? removedFeatureOf(feature) : undefined;
        warnings.push(messages.clipWarning(removed ? messages.removedRatchetWarning(path, feature.name, removed.removedIn) : messages.ratchetWarning(path, feature.name, feature.stability)));
      } else {
        decision = 'rejected';
        violations.push({ path, feature: feature.name, message: violationMessage(feature, state, use, config) });
      }
    } else {
      if ((typeof __FEATUREGATES_CEILING__ === 'undefined' || __FEATUREGATES_CEILING__ !== 'stable') && feature.stability !== 'stable') {
        warnings.push(messages.clipWarning(messages.useWarning(path, feature.name, feature.stability)));
      }
      const notice = feature.deprecated;
      if (notice && !noticed?.has(feature)) {
        (noticed ??= new Set()).add(feature);
        warnings.push(messages.clipWarning(messages.deprecatedUseWarning(path, feature.name, notice.message, notice.removalNotBefore)));
      }
    }
    uses.push({ feature: feature.name, title, stability: feature.stability, path, decision });
  }
  return { allowed: violations.length === 0, violations, warnings, uses };
}
