import { clipMessage, clipText, featureState, formatValue, type ConfigIssue, type ConfigState, type FeatureStateReason, type Registry, type Stability, type ValueSource } from '@featuregates/gates';

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
  features: { name: string; stability: Stability; enabled: boolean; decidedBy: FeatureStateReason; flag?: string }[];
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
  for (const feature of registry.features) {
    const decided = featureState(feature, config);
    view.features.push({ name: feature.name, stability: feature.stability, enabled: decided.enabled, decidedBy: decided.reason, ...(feature.flag ? { flag: feature.flag } : {}) });
  }
  return view;
}
