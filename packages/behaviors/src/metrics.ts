import { featureState, type GateConfig } from '@featuregates/gates';
import { Gauge, type Registry as MetricsRegistry } from 'prom-client';

export const FEATURE_ENABLED_METRIC = 'featuregates_feature_enabled';

export interface EnabledState {
  name: string;
  /** The feature's or flag's stability: `alpha`, `beta` or `stable`. */
  stage: string;
  enabled: boolean;
}

/**
 * What `featuregates_feature_enabled{name,stage}` reports, after Kubernetes'
 * `kubernetes_feature_enabled`: every API feature, and every boolean behaviour flag that is not
 * the own flag of a feature (that one is reported as its feature).
 */
export function enabledStates(config: GateConfig): EnabledState[] {
  const features = config.registry.features.map((feature) => ({ name: feature.name, stage: feature.stability, enabled: featureState(feature, config).enabled }));
  const flags = config.registry.flags
    .filter((flag) => flag.type === 'bool' && !flag.feature)
    .map((flag) => ({ name: flag.key, stage: flag.stability, enabled: config.values.get(flag.key)?.value === true }));
  return [...features, ...flags];
}

/** The gauge on this registry; reused when the registry already has it (the webhook may share one). */
export function featureEnabledGauge(registry: MetricsRegistry): Gauge<'name' | 'stage'> {
  const existing = registry.getSingleMetric(FEATURE_ENABLED_METRIC);
  if (existing instanceof Gauge) return existing as Gauge<'name' | 'stage'>;
  return new Gauge({
    name: FEATURE_ENABLED_METRIC,
    help: 'Whether a feature or behaviour flag is enabled (1) or not (0), by name and stage.',
    labelNames: ['name', 'stage'],
    registers: [registry],
  });
}

export function recordEnabled(gauge: Gauge<'name' | 'stage'>, config: GateConfig): void {
  for (const state of enabledStates(config)) gauge.set({ name: state.name, stage: state.stage }, state.enabled ? 1 : 0);
}
