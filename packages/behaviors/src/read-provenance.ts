import { isStability, parseConfig, parseFlagValue, voiceOf, type Registry } from '@featuregates/gates';
import * as messages from './messages';
import { createSnapshot, type Snapshot } from './snapshot';

export interface DroppedEntry {
  key: string;
  value: unknown;
  reason: string;
}

export interface ProvenanceReading<R extends Registry = Registry> {
  /** The flags the run ran with, as far as this release can tell; defaults fill what the record lacks. */
  snapshot: Snapshot<R>;
  /** Keys of the record that now decide a value (renamed ones under their new key). */
  kept: string[];
  /** Keys renamed since the record was written (a misspelt key some release shipped). */
  renamed: { from: string; to: string }[];
  /** Keys left out, each with the reason: removed, unknown to this release, or a value it cannot read. */
  dropped: DroppedEntry[];
}

/** A record's value as ConfigMap text; undefined for anything a flag could not hold. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(',');
  return undefined;
}

/** Why a value cannot be read as this key's, or undefined when it can. */
function valueProblem(catalog: Registry, key: string, text: string): string | undefined {
  const voice = voiceOf(catalog);
  if (key === catalog.apiFieldsKey) {
    const level = text.toLowerCase();
    return isStability(level) && voice.levels.includes(level) ? undefined : `invalid level ${JSON.stringify(text)}`;
  }
  const flag = catalog.flags.find((entry) => entry.key === key);
  if (!flag) return messages.provenanceUnknown();
  const parsed = parseFlagValue(flag, text, voice);
  return parsed.ok ? undefined : parsed.message;
}

/**
 * Reads back the flags a run recorded, whichever release wrote the record: removed keys, renamed
 * keys, keys of a newer release and values this release cannot read are reported, never thrown
 * (tektoncd/pipeline#8359: one unknown key in a stored status deadlocked finalizer removal).
 */
export function fromProvenance<R extends Registry>(catalog: R, record: unknown): ProvenanceReading<R> {
  const dropped: DroppedEntry[] = [];
  const renamed: { from: string; to: string }[] = [];
  const data: Record<string, string> = {};
  const isMap = typeof record === 'object' && record !== null && !Array.isArray(record);
  if (!isMap && record !== undefined && record !== null) dropped.push({ key: '', value: record, reason: messages.provenanceNotAMap() });
  const entries = isMap ? Object.entries(record) : [];
  const present = new Set(entries.map(([key]) => key));

  for (const [key, value] of entries) {
    const tombstone = catalog.tombstones.find((entry) => entry.key === key);
    const alias = catalog.aliases.find((entry) => entry.key === key);
    if (tombstone) {
      dropped.push({ key, value, reason: messages.provenanceRemoved(tombstone.removedIn, tombstone.note) });
      continue;
    }
    if (alias && present.has(alias.target)) {
      dropped.push({ key, value, reason: messages.provenanceShadowed(alias.target) });
      continue;
    }
    const target = alias ? alias.target : key;
    const text = asText(value);
    const problem = text === undefined ? messages.provenanceNotAValue() : valueProblem(catalog, target, text);
    if (problem !== undefined || text === undefined) {
      dropped.push({ key, value, reason: problem ?? messages.provenanceNotAValue() });
      continue;
    }
    if (alias) renamed.push({ from: key, to: target });
    data[target] = text;
  }

  // A value this build cannot turn on (an alpha value under a stable ceiling) is dropped too.
  let result = parseConfig(catalog, data);
  while (!result.config) {
    const culprits = result.errors.filter((error) => Object.hasOwn(data, error.key));
    if (culprits.length === 0) throw new Error(messages.invalidConfig(result.errors.map((error) => error.message)));
    for (const error of culprits) {
      dropped.push({ key: error.key, value: data[error.key], reason: error.message });
      delete data[error.key];
    }
    result = parseConfig(catalog, data);
  }
  return { snapshot: createSnapshot(catalog, result.config), kept: Object.keys(data), renamed, dropped };
}
