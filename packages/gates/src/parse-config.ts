import type {} from './compile-time';
import { didYouMean } from './did-you-mean';
import { CONFIG_KEY_ALPHABET, MAX_CONFIG_KEY_LENGTH, MAX_UNKNOWN_KEYS_REPORTED } from './limits';
import * as messages from './messages';
import { knownKeys, type BehaviorFlag, type FlagScalar, type FlagValue, type Registry } from './registry';
import { BUILD_CEILING } from './bundle-ceiling';
import { forcedByLevel, impliedDefault } from './opt-in';
import { compareStability, isStability, moreStable, withinLevels, type Stability } from './stability';

export type ValueSource = 'default' | 'configmap' | 'implied';

export interface EffectiveValue {
  value: FlagValue;
  source: ValueSource;
}

/** A parsed, valid configuration: what every decision is made from. Immutable by contract. */
export interface GateConfig {
  readonly registry: Registry;
  /** The bundle's compiled-in ceiling: nothing less stable can be on. */
  readonly ceiling: Stability;
  readonly level: Stability;
  readonly levelSource: 'default' | 'configmap';
  /** Every behaviour flag and own flag, with its effective value and where it came from. */
  readonly values: ReadonlyMap<string, EffectiveValue>;
  /** Keys the ConfigMap set (aliases resolved to their target). */
  readonly explicit: ReadonlySet<string>;
}

export interface ConfigIssue {
  key: string;
  message: string;
}

export interface ParseResult {
  /** Present only when there are no errors: a config with errors never replaces a good one. */
  config?: GateConfig;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}

export interface ParseOptions {
  /** The bundle's ceiling; this build's compiled-in ceiling when omitted, and never above it. */
  ceiling?: Stability;
}

const TRUE_SPELLINGS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE_SPELLINGS = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Go's `strconv.ParseBool`, which Tekton uses, so real ConfigMaps load. */
export function parseBool(raw: string): boolean | undefined {
  if (TRUE_SPELLINGS.has(raw)) return true;
  if (FALSE_SPELLINGS.has(raw)) return false;
  return undefined;
}

function quoteAll(values: readonly string[]): string[] {
  return values.map((value) => JSON.stringify(value));
}

/** ConfigMap data is strings; a plain YAML map may hold booleans and numbers, taken as their text. */
function rawText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(',');
  return undefined;
}

type Parsed = { ok: true; value: FlagValue; warnings?: string[] } | { ok: false; message: string };

/** One value of a flag from its ConfigMap text; messages in the voice given (a catalog's `voiceOf`), 0.1.0's when omitted. */
export function parseFlagValue(flag: BehaviorFlag, raw: string, voice: messages.Voice = messages.DEFAULT_VOICE): Parsed {
  switch (flag.type) {
    case 'bool': {
      const value = parseBool(raw);
      return value === undefined ? { ok: false, message: messages.badValue(voice, flag.key, raw, messages.boolWanted(voice)) } : { ok: true, value };
    }
    case 'enum': {
      const value = raw.toLowerCase();
      const values = flag.values ?? [];
      return values.includes(value)
        ? { ok: true, value }
        : { ok: false, message: messages.badValue(voice, flag.key, raw, `one of ${messages.listWords(quoteAll(values))}`) };
    }
    case 'int': {
      const bounds = `an integer${flag.min !== undefined ? ` ≥ ${flag.min}` : ''}${flag.max !== undefined ? ` ≤ ${flag.max}` : ''}`;
      if (!/^[+-]?\d+$/.test(raw)) return { ok: false, message: messages.badValue(voice, flag.key, raw, bounds) };
      const value = Number(raw);
      const inBounds = (flag.min === undefined || value >= flag.min) && (flag.max === undefined || value <= flag.max);
      return inBounds ? { ok: true, value } : { ok: false, message: messages.badValue(voice, flag.key, raw, bounds) };
    }
    case 'list': {
      const items = raw === '' ? [] : raw.split(',');
      const allowed = flag.values;
      const bad = allowed ? items.filter((item) => !allowed.includes(item)) : [];
      if (bad.length === 0) return { ok: true, value: items };
      // Tekton splits on commas without trimming (feature_flags.go `setFeatureInlineSpec`): " taskrun" or an empty
      // item loads there and matches nothing, so it loads here too, kept as written, with a warning.
      if (allowed && bad.every((item) => item.trim() === '' || allowed.includes(item.trim()))) {
        return { ok: true, value: items, warnings: bad.map((item) => messages.listItemMatchesNothing(flag.key, item, allowed)) };
      }
      const spaces = bad.some((item) => allowed?.includes(item.trim())) ? ' without spaces' : '';
      return {
        ok: false,
        message: messages.badValue(voice, flag.key, raw, `a comma-separated list${spaces} of ${messages.listWords(quoteAll(allowed ?? []), 'and')}`),
      };
    }
    case 'string':
      return { ok: true, value: raw };
  }
}

/** The maturity a value of a flag asks for: its default is always allowed. */
export function settingStability(flag: BehaviorFlag, value: FlagValue): Stability {
  if (sameValue(value, flag.default)) return 'stable';
  return flag.valueStability?.[formatValue(value)] ?? 'stable';
}

export function sameValue(a: FlagValue, b: FlagValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]);
  }
  return a === b;
}

function isPlainMap(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

/**
 * Strict parsing of a feature-flags ConfigMap's `data`: unknown keys and bad values are errors,
 * removed keys are warnings, and nothing is guessed. All-or-nothing, like Kubernetes' `Set`.
 * Deprecated keys that are set warn; an announced default change warns only when its key is unset.
 */
export function parseConfig(registry: Registry, data: unknown, options: ParseOptions = {}): ParseResult {
  const voice = messages.voiceOf(registry);
  const ceiling = withinLevels(moreStable(options.ceiling ?? BUILD_CEILING, BUILD_CEILING), voice.levels);
  const errors: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  if (data === null || data === undefined) data = {};
  if (!isPlainMap(data)) {
    return { errors: [{ key: '', message: 'the config must be a map of keys to string values (a ConfigMap\'s data)' }], warnings };
  }

  const raw = new Map<string, string>();
  const candidates = knownKeys(registry);
  const known = new Set(candidates);
  // Every key costs at most a length check, a set lookup and, for the first few unknown ones, a
  // bounded suggestion search: a ConfigMap of 10,000 junk keys is read in linear time.
  let unknownKeys = 0;
  for (const key of Object.keys(data)) {
    if (!known.has(key)) {
      unknownKeys++;
      if (unknownKeys > MAX_UNKNOWN_KEYS_REPORTED) continue;
      const valid = key.length <= MAX_CONFIG_KEY_LENGTH && CONFIG_KEY_ALPHABET.test(key);
      const message = valid ? messages.unknownKey(voice, key, didYouMean(key, candidates)) : messages.invalidKey(key);
      errors.push({ key: messages.clipText(key), message });
      continue;
    }
    const tombstone = registry.tombstones.find((entry) => entry.key === key);
    if (tombstone) {
      warnings.push({ key, message: messages.tombstoneWarning(voice, key, tombstone.removedIn, tombstone.note) });
      continue;
    }
    const text = rawText(data[key]);
    const alias = registry.aliases.find((entry) => entry.key === key);
    if (text === undefined) {
      errors.push({ key, message: messages.badValue(voice, key, data[key] === null ? '' : typeof data[key], 'a string value') });
      continue;
    }
    if (alias) {
      if (Object.prototype.hasOwnProperty.call(data, alias.target)) {
        warnings.push({ key, message: messages.aliasShadowed(key, alias.target) });
      } else {
        warnings.push({ key, message: messages.aliasWarning(voice, key, alias.target, alias.note) });
        raw.set(alias.target, text);
      }
      continue;
    }
    raw.set(key, text);
  }

  if (unknownKeys > MAX_UNKNOWN_KEYS_REPORTED) errors.push({ key: '', message: messages.moreUnknownKeys(unknownKeys - MAX_UNKNOWN_KEYS_REPORTED) });

  let level = withinLevels(moreStable(registry.defaultLevel, ceiling), voice.levels);
  let levelSource: GateConfig['levelSource'] = 'default';
  const levelText = raw.get(registry.apiFieldsKey);
  if (levelText !== undefined) {
    const wanted = levelText.toLowerCase();
    if (!isStability(wanted) || !voice.levels.includes(wanted)) {
      errors.push({ key: registry.apiFieldsKey, message: messages.badValue(voice, registry.apiFieldsKey, levelText, messages.levelWanted(voice)) });
    } else if (compareStability(wanted, ceiling) < 0) {
      errors.push({ key: registry.apiFieldsKey, message: messages.levelAboveCeiling(voice, registry.apiFieldsKey, wanted, ceiling) });
    } else {
      level = wanted;
      levelSource = 'configmap';
    }
  } else if (registry.levelDefaultChange) {
    const change = registry.levelDefaultChange;
    // What this bundle's default becomes: a stable bundle whose default is stable already hears of no flip.
    const to = withinLevels(moreStable(change.to, ceiling), voice.levels);
    if (to !== level) warnings.push({ key: registry.apiFieldsKey, message: messages.defaultChangeAnnounced(voice, registry.apiFieldsKey, level, to, change.message, change.flipNotBefore) });
  }

  const values = new Map<string, EffectiveValue>();
  for (const flag of registry.flags) {
    const text = raw.get(flag.key);
    const feature = flag.feature ? registry.features.find((entry) => entry.name === flag.feature) : undefined;
    if (text === undefined) {
      // Under own-flag-decides an unset own flag keeps the catalog's default: the level never turns it on.
      const effective = defaultValue(flag, level, ceiling, registry.ownFlagRule === 'own-flag-decides' ? undefined : feature?.stability);
      values.set(flag.key, effective);
      // Only a cluster that relies on the default hears of its announced change; setting either value silences it.
      const change = flag.defaultChange;
      if (change && effective.source === 'default' && formatValue(change.to) !== formatValue(effective.value)) {
        warnings.push({ key: flag.key, message: messages.defaultChangeAnnounced(voice, flag.key, formatValue(effective.value), formatValue(change.to), change.message, change.flipNotBefore) });
      }
      continue;
    }
    const parsed = parseFlagValue(flag, text, voice);
    if (!parsed.ok) {
      errors.push({ key: flag.key, message: parsed.message });
      continue;
    }
    const asks = feature ? (parsed.value === true ? feature.stability : 'stable') : settingStability(flag, parsed.value);
    if (compareStability(asks, ceiling) < 0) {
      errors.push({ key: flag.key, message: messages.flagAboveCeiling(voice, flag.key, asks, ceiling) });
      continue;
    }
    for (const message of parsed.warnings ?? []) warnings.push({ key: flag.key, message });
    if (flag.deprecated) warnings.push({ key: flag.key, message: messages.deprecatedKey(flag.key, flag.deprecated.message, flag.deprecated.removalNotBefore) });
    const deprecated = flag.deprecatedValues?.find((entry) => sameValue(entry.value, parsed.value));
    if (deprecated) warnings.push({ key: flag.key, message: messages.deprecatedValue(flag.key, parsed.value, deprecated.message) });
    if ((typeof __FEATUREGATES_CEILING__ === 'undefined' || __FEATUREGATES_CEILING__ !== 'stable') && forcedByLevel(flag, level, parsed.value)) {
      warnings.push({ key: flag.key, message: messages.impliedOverride(flag.key, registry.apiFieldsKey, level) });
      values.set(flag.key, { value: true, source: 'implied' });
      continue;
    }
    values.set(flag.key, { value: parsed.value, source: 'configmap' });
  }

  if (errors.length > 0) return { errors, warnings };
  const config: GateConfig = Object.freeze({
    registry,
    ceiling,
    level,
    levelSource,
    values,
    explicit: new Set(raw.keys()),
  });
  return { config, errors, warnings };
}

function defaultValue(flag: BehaviorFlag, level: Stability, ceiling: Stability, featureStability?: Stability): EffectiveValue {
  if (typeof __FEATUREGATES_CEILING__ === 'undefined' || __FEATUREGATES_CEILING__ !== 'stable') {
    const implied = impliedDefault(flag, level, ceiling, featureStability);
    if (implied) return implied;
  }
  return { value: flag.default, source: 'default' };
}

/** The configuration of an empty ConfigMap: every default, the level lowered to the ceiling. */
export function defaultConfig(registry: Registry, options: ParseOptions = {}): GateConfig {
  const result = parseConfig(registry, {}, options);
  if (!result.config) throw new Error(`the registry's defaults do not parse: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.config;
}

/** A config with some keys overridden on top of another's ConfigMap keys (the CLI's --set). */
export function configData(config: GateConfig): Record<string, string> {
  const data: Record<string, string> = {};
  if (config.levelSource === 'configmap') data[config.registry.apiFieldsKey] = config.level;
  for (const key of config.explicit) {
    const effective = config.values.get(key);
    if (effective && effective.source === 'configmap') data[key] = formatValue(effective.value);
  }
  return data;
}

export function formatValue(value: FlagValue): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

export type { FlagScalar };
