import { clipMessage, clipText, deprecationClause, featureState, formatValue, gatedFeatures, removedFeatureOf, type ConfigIssue, type ConfigState, type FeatureStateReason, type Registry, type Stability, type ValueSource } from '@featuregates/gates';

export interface FeaturesView {
  /** Where the config is read from: `file /path` or `configmap namespace/name`. */
  source: string;
  ceiling: Stability;
  /** Whether a good config is loaded; decisions use it even when newer data was refused. */
  loaded: boolean;
  revision: number;
  loadedAt?: string;
  /** Why the newest data was refused, if it was: the config above is the last good one. */
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
  flags: { key: string; value: string; source: ValueSource }[];
  /** Live features, then removed ones (`decidedBy: 'removed'`, never enabled), each with its deprecation notice or removal if any. */
  features: { name: string; stability: Stability; enabled: boolean; decidedBy: FeatureStateReason; flag?: string; deprecated?: string; removedIn?: string }[];
}

const clipIssue = (issue: ConfigIssue): ConfigIssue => ({ key: clipText(issue.key), message: clipMessage(issue.message) });

/**
 * `/features`: the effective config — every flag, its value and where it came from, every feature
 * on or off. Values and issues are clipped: a string flag may hold megabytes, and it is not echoed.
 */
export function featuresView(registry: Registry, state: ConfigState, source: string, ceiling: Stability): FeaturesView {
  const view: FeaturesView = { source, ceiling, loaded: state.config !== undefined, revision: state.revision, errors: state.errors.map(clipIssue), warnings: state.warnings.map(clipIssue), flags: [], features: [] };
  if (state.loadedAt) view.loadedAt = state.loadedAt;
  const config = state.config;
  if (!config) return view;
  view.flags.push({ key: registry.apiFieldsKey, value: config.level, source: config.levelSource });
  for (const flag of registry.flags) {
    const effective = config.values.get(flag.key);
    if (effective) view.flags.push({ key: flag.key, value: clipText(formatValue(effective.value)), source: effective.source });
  }
  for (const feature of gatedFeatures(registry)) {
    const decided = featureState(feature, config);
    const notice = feature.deprecated;
    const removed = removedFeatureOf(feature);
    view.features.push({
      name: feature.name,
      stability: feature.stability,
      enabled: decided.enabled,
      decidedBy: decided.reason,
      ...(feature.flag ? { flag: feature.flag } : {}),
      ...(notice ? { deprecated: deprecationClause(notice.message, notice.removalNotBefore) } : {}),
      ...(removed ? { removedIn: removed.removedIn } : {}),
    });
  }
  return view;
}
