import type { FlagValue, GateConfig } from '@featuregates/gates';

/**
 * What a run keeps of the flags it ran with (Tekton's `status.provenance.featureFlags`): every key
 * of the catalog, level included, with its effective value as JSON (booleans, numbers, strings,
 * lists of strings), keyed by its ConfigMap key.
 */
export type ProvenanceRecord = Readonly<Record<string, FlagValue>>;

export function provenanceRecord(config: GateConfig): ProvenanceRecord {
  const record: Record<string, FlagValue> = { [config.registry.apiFieldsKey]: config.level };
  for (const flag of config.registry.flags) {
    const value = config.values.get(flag.key)?.value ?? flag.default;
    record[flag.key] = Array.isArray(value) ? [...value] : value;
  }
  return Object.freeze(record);
}
