import {
  badValue,
  didYouMean,
  formatValue,
  isStability,
  levelWanted,
  parseFlagValue,
  sameValue,
  unknownKey,
  voiceOf,
  type ConfigKey,
  type ConfigValues,
  type FlagValue,
  type GateConfig,
  type Registry,
} from '@featuregates/gates';
import * as messages from './messages';

/** One value, or (for a key whose values are not lists) any of several. */
export type Requirement<V> = [V] extends [readonly unknown[]] ? V : V | readonly V[];

/** Keys of the catalog and the values a test needs them to have; a misspelt key does not compile over a typed catalog. */
export type GateRequirements<R extends Registry> = {
  readonly [K in ConfigKey<R> & keyof ConfigValues<R>]?: Requirement<ConfigValues<R>[K]>;
};

/** A requirement checked against the catalog: the key and the values that satisfy it. */
export interface CheckedRequirement {
  key: string;
  accepted: readonly FlagValue[];
}

function asText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}

function checkOne(catalog: Registry, key: string, wanted: unknown): CheckedRequirement {
  const voice = voiceOf(catalog);
  if (key === catalog.apiFieldsKey) {
    const values = (Array.isArray(wanted) ? wanted : [wanted]).map(asText);
    for (const value of values) {
      if (!isStability(value) || !voice.levels.includes(value)) {
        throw new Error(messages.badRequirementValue(badValue(voice, key, value, levelWanted(voice)), didYouMean(value, voice.levels)));
      }
    }
    return { key, accepted: values };
  }
  const flag = catalog.flags.find((entry) => entry.key === key);
  if (!flag) {
    const tombstone = catalog.tombstones.find((entry) => entry.key === key);
    if (tombstone) throw new Error(messages.removedRequirement(key, tombstone.removedIn, tombstone.note));
    const alias = catalog.aliases.find((entry) => entry.key === key);
    if (alias) throw new Error(messages.misspeltRequirement(key, alias.target));
    throw new Error(unknownKey(voice, key, didYouMean(key, [catalog.apiFieldsKey, ...catalog.flags.map((entry) => entry.key)])));
  }
  const alternatives = flag.type !== 'list' && Array.isArray(wanted) ? wanted : [wanted];
  const accepted = alternatives.map((value) => {
    const parsed = parseFlagValue(flag, asText(value), voice);
    if (parsed.ok) return parsed.value;
    const suggestion = flag.type === 'enum' ? didYouMean(asText(value), flag.values ?? []) : undefined;
    throw new Error(messages.badRequirementValue(parsed.message, suggestion));
  });
  return { key, accepted };
}

/**
 * Checks requirements against the catalog, all of them, before any test runs: an unknown key, a
 * removed one or a value the flag cannot take throws, with a did-you-mean where one is close.
 */
export function checkRequirements(catalog: Registry, requirements: Readonly<Record<string, unknown>>, helper: string): CheckedRequirement[] {
  const keys = Object.keys(requirements);
  if (keys.length === 0) throw new Error(messages.noRequirements(helper));
  return keys.map((key) => {
    try {
      return checkOne(catalog, key, requirements[key]);
    } catch (error) {
      throw new Error(messages.requirementError(helper, (error as Error).message));
    }
  });
}

/** The running value of a key: the level, or a flag's effective value. */
export function runningValue(config: GateConfig, key: string): FlagValue {
  if (key === config.registry.apiFieldsKey) return config.level;
  return config.values.get(key)?.value ?? '';
}

export function isMet(config: GateConfig, requirement: CheckedRequirement): boolean {
  const running = runningValue(config, requirement.key);
  return requirement.accepted.some((value) => sameValue(value, running));
}

export function describeRequirement(requirement: CheckedRequirement): string {
  return `${requirement.key}=${requirement.accepted.map((value) => formatValue(value) || '""').join('|')}`;
}

export function describeRunning(config: GateConfig, requirements: readonly CheckedRequirement[]): string {
  return requirements.map(({ key }) => `${key}=${formatValue(runningValue(config, key)) || '""'}`).join(', ');
}
