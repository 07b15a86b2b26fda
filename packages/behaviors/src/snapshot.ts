import {
  didYouMean,
  featureState,
  findRemovedFeature,
  type BoolFlagKey,
  type ConfigKey,
  type ConfigValues,
  type FlagValue,
  type GateConfig,
  type Registry,
  type Stability,
} from '@featuregates/gates';
import * as messages from './messages';
import { provenanceRecord, type ProvenanceRecord } from './provenance-record';

/**
 * One consistent, immutable view of the feature flags: what a controller reads for the whole of
 * one reconcile. Over a typed catalog (Tekton's) keys and values are literal types, so
 * `get('coschedule')` is `'workspaces' | 'pipelineruns' | …` and a misspelt key does not compile;
 * over a plain `Registry` an unknown key throws an error naming it, with a did-you-mean.
 */
export interface Snapshot<R extends Registry = Registry> {
  readonly catalog: R;
  /** The `enable-api-fields` level. */
  readonly level: Stability;
  /** The parsed config every answer of this snapshot comes from. */
  readonly config: GateConfig;
  /** The effective value of a flag, or the level for the level key. */
  get<K extends ConfigKey<R> & keyof ConfigValues<R>>(key: K): ConfigValues<R>[K];
  /** A boolean flag's effective value. */
  enabled(key: BoolFlagKey<R>): boolean;
  /** Whether a gated API feature is on (its own flag, else the level), by the gate model's rule; false for a removed one. */
  featureEnabled(name: string): boolean;
  /** The record a run keeps of the flags it ran with. */
  toProvenance(): ProvenanceRecord;
}

export class UnknownFlagError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnknownFlagError';
  }
}

function unknownFlagError(catalog: Registry, key: string): UnknownFlagError {
  const tombstone = catalog.tombstones.find((entry) => entry.key === key);
  if (tombstone) return new UnknownFlagError(key, messages.removedFlag(key, tombstone.removedIn, tombstone.note));
  const alias = catalog.aliases.find((entry) => entry.key === key);
  if (alias) return new UnknownFlagError(key, messages.misspeltFlag(key, alias.target));
  const keys = [catalog.apiFieldsKey, ...catalog.flags.map((flag) => flag.key)];
  return new UnknownFlagError(key, messages.unknownFlag(key, didYouMean(key, keys)));
}

const frozen = (value: FlagValue): FlagValue => (Array.isArray(value) ? Object.freeze([...value]) : value);

export function createSnapshot<R extends Registry>(catalog: R, config: GateConfig): Snapshot<R> {
  const values = new Map<string, FlagValue>();
  for (const flag of catalog.flags) values.set(flag.key, frozen(config.values.get(flag.key)?.value ?? flag.default));
  const flagsByKey = new Map(catalog.flags.map((flag) => [flag.key, flag]));
  let provenance: ProvenanceRecord | undefined;

  const read = (key: string): FlagValue => {
    if (key === catalog.apiFieldsKey) return config.level;
    const value = values.get(key);
    if (value === undefined) throw unknownFlagError(catalog, key);
    return value;
  };

  const snapshot: Snapshot<R> = {
    catalog,
    level: config.level,
    config,
    get: (key) => read(key) as never,
    enabled: (key) => {
      const value = read(key);
      if (typeof value !== 'boolean') throw new UnknownFlagError(key, messages.notABoolean(key, flagsByKey.get(key)?.type ?? 'level'));
      return value;
    },
    featureEnabled: (name) => {
      const feature = catalog.features.find((entry) => entry.name === name);
      // A removed feature is never on: code that still asks keeps working.
      if (!feature && findRemovedFeature(catalog, name)) return false;
      if (!feature) throw new UnknownFlagError(name, messages.unknownFeature(name, didYouMean(name, catalog.features.map((entry) => entry.name))));
      return featureState(feature, config).enabled;
    },
    toProvenance: () => (provenance ??= provenanceRecord(config)),
  };
  return Object.freeze(snapshot);
}
