import type { ConfigMapRef, MessageWording, OwnFlagRule, Registry } from './registry';
import { compareStability, STABILITIES, type Stability } from './stability';

/** A catalog's identity with every optional field resolved: what commands, servers and bundles name. */
export interface Project {
  id: string;
  displayName: string;
  configMap: ConfigMapRef;
  /** Declared levels, least stable first. */
  levels: readonly Stability[];
  wording: MessageWording;
  ownFlagRule: OwnFlagRule;
}

/** The identity of a catalog, with the defaults a catalog written against 0.1.0 gets. */
export function projectOf(registry: Registry): Project {
  const levels = registry.levels && registry.levels.length > 0 ? [...registry.levels].sort(compareStability) : [...STABILITIES];
  return {
    id: registry.name,
    displayName: registry.displayName ?? registry.name,
    configMap: registry.configMap ?? { name: 'feature-flags', namespace: registry.name },
    levels,
    wording: registry.wording ?? 'kubernetes',
    ownFlagRule: registry.ownFlagRule ?? 'own-flag-overrides-level',
  };
}

/** The ValidatingWebhookConfiguration a project's release.yaml installs, and its webhook keeps the caBundle of. */
export function webhookConfigurationName(project: Pick<Project, 'id'>): string {
  return `featuregates-${project.id}`;
}
