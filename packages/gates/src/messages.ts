/**
 * Every user-facing string of the gate model, in one place so that wording is deliberate and
 * testable. A catalog chooses its wording: `tekton` keeps Tekton's exact strings where Tekton has
 * one; `kubernetes` (the default) reads like Kubernetes' feature-gate and field errors and names
 * the project's ConfigMap. Strings that are featuregates' own (bundles, ratcheting, warnings) are
 * the same in both.
 */
import { getOrInsert } from './get-or-insert';
import { MAX_CONFIG_KEY_LENGTH, MAX_ECHOED_LENGTH, MAX_ISSUE_LENGTH } from './limits';
import { projectOf } from './project';
import type { MessageWording, Registry } from './registry';
import { bundlesOffering, compareStability, levelAdmits, STABILITIES, type Stability } from './stability';

/** What a catalog's messages depend on, resolved once per catalog object (see `voiceOf`). */
export interface Voice {
  readonly wording: MessageWording;
  /** Declared levels, least stable first. */
  readonly levels: readonly Stability[];
  /** The ConfigMap as `namespace/name`. */
  readonly configMap: string;
  readonly displayName: string;
}

const voices = new WeakMap<Registry, Voice>();

function newVoice(registry: Registry): Voice {
  const project = projectOf(registry);
  return Object.freeze({
    wording: project.wording,
    levels: Object.freeze([...project.levels]),
    configMap: `${project.configMap.namespace}/${project.configMap.name}`,
    displayName: project.displayName,
  });
}

/** The catalog's wording, levels and ConfigMap for its messages; built once per catalog object. */
export function voiceOf(registry: Registry): Voice {
  return getOrInsert(voices, registry, newVoice);
}

/** What a message function gets when no catalog is at hand: 0.1.0's wording, all three levels. */
export const DEFAULT_VOICE: Voice = Object.freeze({ wording: 'tekton', levels: STABILITIES, configMap: 'feature-flags', displayName: 'the project' });

/** The declared levels that turn on a feature of this stability, least stable first. */
function levelsAdmitting(voice: Voice, stability: Stability): Stability[] {
  return voice.levels.filter((level) => levelAdmits(level, stability));
}

const quoteAllWords = (words: readonly string[]): string[] => words.map((word) => `"${word}"`);
const article = (stability: Stability): string => (stability === 'alpha' ? 'an' : 'a');

/** User text as echoed anywhere: at most MAX_ECHOED_LENGTH characters, the rest counted. */
export function clipText(text: string): string {
  if (text.length <= MAX_ECHOED_LENGTH) return text;
  return `${text.slice(0, MAX_ECHOED_LENGTH - 1)}…(${text.length} characters)`;
}

/** A whole message that may carry user text from elsewhere (a YAML parser, a file system): at most MAX_ISSUE_LENGTH characters. */
export function clipMessage(text: string): string {
  return text.length <= MAX_ISSUE_LENGTH ? text : `${text.slice(0, MAX_ISSUE_LENGTH - 1)}…`;
}

const quote = (value: unknown): string => JSON.stringify(clipText(String(value)));

/** Registry names are few and named on every warned use, so each name's part of a warning is built once. */
const useWarningTails = new Map<Stability, Map<string, string>>();
const newTails = (): Map<string, string> => new Map();
function useWarningTail(title: string, stability: Stability): string {
  const byTitle = getOrInsert(useWarningTails, stability, newTails);
  let tail = byTitle.get(title);
  if (tail === undefined) {
    tail = `: uses ${stability} feature ${quote(title)}`;
    byTitle.set(title, tail);
  }
  return tail;
}

/** A short, safe rendering of a value from user input (which may be any shape, even without a prototype). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 79)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return value === null || value === undefined ? 'nothing' : 'an object';
}

export function listWords(words: readonly string[], conjunction = 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/**
 * A feature the level keeps off. Tekton: its `ValidateEnabledAPIFields` wording. Kubernetes: what
 * the feature is and which settings of the level key turn it on, in which ConfigMap.
 */
export function apiFieldsRequired(voice: Voice, title: string, stability: Stability, level: Stability, apiFieldsKey: string): string {
  const admitting = levelsAdmitting(voice, stability);
  if (voice.wording === 'tekton') {
    return `${title} requires ${quote(apiFieldsKey)} feature gate to be ${listWords(quoteAllWords(admitting))} but it is ${quote(level)}`;
  }
  const offered = listWords(quoteAllWords([...admitting].reverse()));
  return `${title} is ${article(stability)} ${stability} feature and is off: set ${quote(apiFieldsKey)} to ${offered} in ConfigMap ${voice.configMap}`;
}

/** Appended when the bundle's compiled-in ceiling keeps a feature off whatever the config says. */
export function ceilingHint(voice: Voice, ceiling: Stability, stability: Stability): string {
  const offering = quoteAllWords(bundlesOffering(stability, voice.levels));
  return `; the ${ceiling} bundle cannot turn on ${stability} features: install the ${listWords(offering)} bundle`;
}

/** Appended when a feature with its own flag is off because the flag is unset and the level is too stable. */
export function ownFlagOrLevelHint(voice: Voice, flag: string, apiFieldsKey: string, stability: Stability): string {
  if (voice.wording === 'tekton') return ` (set ${quote(flag)} to "true", or ${quote(apiFieldsKey)} to "alpha" while ${quote(flag)} is unset)`;
  const offered = listWords(quoteAllWords([...levelsAdmitting(voice, stability)].reverse()));
  return ` (or, with ${quote(flag)} unset, set ${quote(apiFieldsKey)} to ${offered})`;
}

/** A feature its own flag keeps off, for a feature whose catalog entry has no `flagMessage`. */
export function ownFlagOffDefault(voice: Voice, flag: string, title: string, stability: Stability): string {
  if (voice.wording === 'tekton') return `feature flag \`${flag}\` should be set to true to use this feature`;
  return `${title} is ${article(stability)} ${stability} feature and is off: set ${quote(flag)} to "true" in ConfigMap ${voice.configMap}`;
}

/** A stable feature that a list flag forbids. Tekton: its `ErrDisallowedFields` wording. */
export function forbiddenByListFlag(voice: Voice, path: string, flag: string, item: string, title: string): string {
  if (voice.wording === 'tekton') return `must not set the field(s): ${path} (${quote(flag)} contains ${quote(item)})`;
  return `${title} is forbidden while ${quote(flag)} contains ${quote(item)}: remove ${quote(item)} from ${quote(flag)} in ConfigMap ${voice.configMap}`;
}

export function useWarning(path: string, title: string, stability: Stability): string {
  return path + useWarningTail(title, stability);
}

export function ratchetWarning(path: string, title: string, stability: Stability): string {
  return `${path}: kept existing ${stability} feature ${quote(title)}, which is now off; new uses are rejected`;
}

/** A deprecated feature's notice as an admission warning carries it; `validateCatalog` keeps it within MAX_WARNING_LENGTH. */
export function deprecationNotice(name: string, message: string, removalNotBefore?: string): string {
  return `${quote(name)} is ${deprecationClause(message, removalNotBefore)}`;
}

/**
 * A deprecated feature in use, once per feature per object: at its first path, or without the path
 * when that would push the notice past Kubernetes' 120 characters, so the date is never cut off.
 */
export function deprecatedUseWarning(path: string, name: string, message: string, removalNotBefore?: string): string {
  const notice = deprecationNotice(name, message, removalNotBefore);
  const placed = `${path}: ${notice}`;
  return placed.length <= MAX_WARNING_LENGTH ? placed : notice;
}

/**
 * A use of a removed feature (`Registry.removedFeatures`), at every level and in every bundle. Both
 * wordings carry `removed in RELEASE: NOTE` exactly, so tools and tests can look for it.
 */
export function removedFeatureUse(voice: Voice, title: string, removedIn: string, note: string, replacedBy?: string): string {
  const removed = `${title} was removed in ${removedIn}: ${note}`;
  if (voice.wording === 'tekton') return replacedBy ? `${removed}; use ${replacedBy} instead` : removed;
  return `${removed}; no setting turns it back on: remove the field${replacedBy ? `, or use ${replacedBy} instead` : ''}`;
}

/** An UPDATE that keeps a removed feature's use the old object had (ratcheted as any feature that is off). */
export function removedRatchetWarning(path: string, name: string, removedIn: string): string {
  return `${path}: kept existing use of ${quote(name)}, removed in ${removedIn}; new uses are rejected`;
}

export function nestsTooDeep(limit: number): string {
  return `nests deeper than ${limit} levels of gated fields, which the gate check does not walk, so the object is refused: embed fewer levels of specs`;
}

/** Stands for the middle of a path too deep to render in full. */
export function elidedSegments(count: number): string {
  return `…(${count} ${count === 1 ? 'segment' : 'segments'} left out)`;
}

/** Kubernetes advises warnings of at most 120 characters. */
export const MAX_WARNING_LENGTH = 120;

export function clipWarning(text: string): string {
  if (text.length <= MAX_WARNING_LENGTH) return text;
  return `${text.slice(0, MAX_WARNING_LENGTH - 1)}…`;
}

// Config parsing

export function unknownKey(voice: Voice, key: string, suggestion: string | undefined): string {
  if (voice.wording === 'tekton') {
    const hint = suggestion ? `: did you mean ${quote(suggestion)}?` : ': it is not a feature flag of this release; remove it';
    return `unknown key ${quote(key)}${hint}`;
  }
  const hint = suggestion ? `did you mean ${quote(suggestion)}?` : `it is not a setting of ${voice.displayName}; remove it`;
  return `unrecognized key ${quote(key)} in ConfigMap ${voice.configMap}: ${hint}`;
}

export function invalidKey(key: string): string {
  return `invalid key ${quote(key)}: a ConfigMap key is at most ${MAX_CONFIG_KEY_LENGTH} characters of letters, digits, "-", "_" and "."; remove it`;
}

export function moreUnknownKeys(count: number): string {
  return `…and ${count} more unknown ${count === 1 ? 'key' : 'keys'}`;
}

export function badValue(voice: Voice, key: string, value: unknown, allowed: string): string {
  if (voice.wording === 'tekton') return `invalid value ${quote(value)} for ${quote(key)}: want ${allowed}`;
  return `${quote(key)}: invalid value ${quote(value)}: must be ${allowed}`;
}

/** What a bool flag takes: the spellings Go's `strconv.ParseBool` takes, which real ConfigMaps use. */
export function boolWanted(voice: Voice): string {
  return voice.wording === 'tekton'
    ? 'a boolean (true, false, or another spelling Go\'s strconv.ParseBool takes: 1 t T TRUE True, 0 f F FALSE False)'
    : 'true or false (1, t, T, TRUE, True, 0, f, F, FALSE and False are read as true and false too)';
}

/** What the level key takes: the declared levels, most stable first. */
export function levelWanted(voice: Voice): string {
  return `one of ${listWords(quoteAllWords([...voice.levels].sort(compareStability).reverse()))}`;
}

export function levelAboveCeiling(voice: Voice, key: string, level: Stability, ceiling: Stability): string {
  const offering = quoteAllWords(bundlesOffering(level, voice.levels));
  return `${quote(key)} is ${quote(level)}, but this is the ${ceiling} bundle, which allows at most ${quote(ceiling)}: install the ${listWords(offering)} bundle for ${level} features`;
}

export function flagAboveCeiling(voice: Voice, key: string, stability: Stability, ceiling: Stability): string {
  const offering = quoteAllWords(bundlesOffering(stability, voice.levels));
  return `${quote(key)} turns on ${article(stability)} ${stability} feature, but this is the ${ceiling} bundle: install the ${listWords(offering)} bundle to use it`;
}

export function tombstoneWarning(voice: Voice, key: string, removedIn: string, note: string): string {
  if (voice.wording === 'tekton') return `${quote(key)} was removed in ${removedIn} and has no effect (${note}); it can be deleted from the ConfigMap`;
  return `${quote(key)} was removed in ${removedIn} and has no effect (${note}): delete it from ConfigMap ${voice.configMap}`;
}

export function aliasWarning(voice: Voice, key: string, target: string, note: string): string {
  if (voice.wording === 'tekton') return `${quote(key)} is a misspelt key (${note}); its value applies to ${quote(target)}: rename it`;
  return `${quote(key)} is a misspelling of ${quote(target)} (${note}) and is read as ${quote(target)}: rename it in ConfigMap ${voice.configMap}`;
}

export function aliasShadowed(key: string, target: string): string {
  return `${quote(key)} is ignored because ${quote(target)} is also set`;
}

/**
 * The clause every deprecation notice ends with, wherever a user meets it (admission warnings,
 * `check`, config warnings, controller logs, `explain`): `deprecated: MESSAGE; removal not before
 * DATE`. Without an announced date the date is left out, not guessed.
 */
export function deprecationClause(message: string, removalNotBefore?: string): string {
  return removalNotBefore ? `deprecated: ${message}; removal not before ${removalNotBefore}` : `deprecated: ${message}`;
}

export function deprecatedKey(key: string, message: string, removalNotBefore?: string): string {
  return `${quote(key)} is ${deprecationClause(message, removalNotBefore)}`;
}

export function deprecatedValue(key: string, value: unknown, message: string): string {
  return `${quote(key)}: value ${quote(value)} is deprecated: ${message}`;
}

const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * An announced change of a default (`BehaviorFlag.defaultChange`, `Registry.levelDefaultChange`),
 * for a ConfigMap that leaves the key unset: only clusters that rely on the default hear of it.
 */
export function defaultChangeAnnounced(voice: Voice, key: string, from: unknown, to: unknown, message: string, flipNotBefore?: string): string {
  const when = flipNotBefore ? ` (not before ${flipNotBefore})` : '';
  const where = voice.wording === 'tekton' ? '' : ` in ConfigMap ${voice.configMap}`;
  return `${quote(key)} is unset, so it takes the default ${quote(from)}; the default becomes ${quote(to)}${when}: ${sentence(message)} Set ${quote(key)}${where} to pin either value.`;
}

export function impliedOverride(key: string, apiFieldsKey: string, level: Stability): string {
  return `${quote(key)} is set to false, but ${quote(apiFieldsKey)}: ${quote(level)} turns it on`;
}

// Catalog patterns

export function unsupportedPatternFlag(letter: string, supported: readonly string[]): string {
  return `flag ${quote(letter)} is not supported: patterns run on RE2 (Go's engine), which takes only ${listWords(supported.map((flag) => quote(flag)))}`;
}

export function patternRefused(reason: string): string {
  return `${reason} (patterns run on RE2, Go's linear-time engine: rewrite lookaround or backreferences as plain alternatives)`;
}

// Catalog validation: each message names what is wrong and what to change in the catalog.

export const catalogProblems = {
  unknownTypeEdge: (field: string, target: string, known: string | undefined) =>
    `field ${quote(field)} points at type ${quote(target)}, which is not in \`types\`: add it to \`types\`${known ? ` or fix the name (did you mean ${quote(known)}?)` : ' or fix the name'}`,
  unknownUseType: (index: number, type: string, known: string | undefined) =>
    `uses[${index}] names type ${quote(type)}, which is not in \`types\`: add it to \`types\`${known ? ` or fix the name (did you mean ${quote(known)}?)` : ' or fix the name'}`,
  unknownKindType: (type: string, known: string | undefined) =>
    `its type ${quote(type)} is not in \`types\`: add it to \`types\`${known ? ` or fix the name (did you mean ${quote(known)}?)` : ' or fix the name'}`,
  badPath: (where: string, path: string, segment: string) =>
    `${where} path ${quote(path)} has the segment ${quote(segment)}: write dot-separated field names, \`name[]\` for every element of an array`,
  duplicate: (what: string, count: number) => `is defined ${count} times: keep one ${what} per name`,
  ownFlagMissing: (flag: string) => `names its own flag ${quote(flag)}, which is not in \`flags\`: add a bool flag ${quote(flag)} with \`feature\` set to this feature, or remove \`flag\``,
  ownFlagNotBool: (flag: string, type: string) => `its own flag ${quote(flag)} is a ${type} flag: an own flag must be of type "bool"`,
  flagFeatureUnknown: (feature: string, known: string | undefined) =>
    `says it is the own flag of feature ${quote(feature)}, which is not in \`features\`: fix \`feature\`${known ? ` (did you mean ${quote(known)}?)` : ''} or remove it`,
  flagFeatureMismatch: (feature: string, flag: string | undefined) =>
    `says it is the own flag of feature ${quote(feature)}, but that feature ${flag ? `names ${quote(flag)} as its flag` : 'names no own flag'}: make the two agree`,
  disabledByUnknown: (flag: string) => `\`disabledBy\` names ${quote(flag)}, which is not in \`flags\`: add a list flag ${quote(flag)} or fix the name`,
  disabledByNotList: (flag: string, type: string) => `\`disabledBy\` names ${quote(flag)}, a ${type} flag: it must name a flag of type "list"`,
  keyCollides: (key: string, other: string) => `key ${quote(key)} is also ${other}: a ConfigMap key can mean one thing only; rename or remove one of them`,
  aliasTargetUnknown: (target: string) => `points at ${quote(target)}, which is neither a flag nor the level key: set \`target\` to a key in \`flags\``,
  badDefault: (value: unknown, want: string) => `its default ${quote(value)} is not ${want}: change \`default\` or the allowed values`,
  valueStabilityUnknown: (value: string, allowed: string) => `\`valueStability\` names ${quote(value)}, which is not a value of this flag (${allowed}): remove it or fix the value`,
  patternDoesNotCompile: (index: number, pattern: string, reason: string) => `uses[${index}] pattern ${quote(pattern)} does not compile (${reason}): fix the pattern`,
  historyOutOfOrder: (what: 'release' | 'date', index: number, value: string, previous: string) =>
    `history[${index}] (${what} ${value}) comes before the previous entry's ${what} ${previous}: keep history oldest first`,
  badDate: (index: number, date: string) => `history[${index}] date ${quote(date)} is not a date: write it as YYYY-MM-DD`,
  levelsEmpty: () => '`levels` is empty: declare at least one of "stable", "beta" and "alpha", or leave it out for all three',
  levelUnknown: (level: unknown) => `\`levels\` holds ${quote(level)}, which is not a level: use "stable", "beta" or "alpha"`,
  levelTwice: (level: string) => `\`levels\` names ${quote(level)} more than once: name each level once`,
  levelUndeclared: (field: string, level: string, declared: readonly string[]) =>
    `\`${field}\` is ${quote(level)}, which the catalog's \`levels\` (${declared.map((entry) => quote(entry)).join(', ')}) do not declare: add it to \`levels\` or use a declared level`,
  removedNameTaken: () => 'has the name of a feature in `features`: a name means one feature for good; remove one of the two entries',
  removedFlagLive: (flag: string) => `its own flag ${quote(flag)} is still in \`flags\`: a removed feature's flag goes with it; move ${quote(flag)} to \`tombstones\` or remove \`flag\``,
  removedFlagNoTombstone: (flag: string) => `its own flag ${quote(flag)} has no tombstone: add ${quote(flag)} to \`tombstones\` so old ConfigMaps keep loading, or remove \`flag\``,
  noticeTooLong: (length: number, limit: number, over: number) =>
    `its deprecation notice is ${length} characters as an admission warning shows it, over Kubernetes' ${limit}: shorten \`deprecated.message\` by ${over} characters`,
  noticeDate: (field: string, date: string) => `\`${field}\` ${quote(date)} is not a date: write it as YYYY-MM-DD`,
  defaultChangeShipped: (field: string, value: unknown) => `\`${field}.to\` is ${quote(value)}, already the default: the flip has shipped; remove \`${field}\``,
  defaultChangeBadValue: (field: string, value: unknown, want: string) => `\`${field}.to\` ${quote(value)} is not ${want}: announce a value the flag takes`,
  stabilityUnknown: (field: string, value: unknown) => `\`${field}\` is ${quote(value)}, which is not a stability: use "stable", "beta" or "alpha"`,
};

/** The error a broken catalog is refused with: every problem, one a line. */
export function invalidCatalog(name: string, problems: readonly { entry: string; message: string }[]): string {
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return `catalog ${quote(name)} has ${count}; fix the catalog before it is loaded:\n${problems.map((problem) => `  ${problem.entry}: ${problem.message}`).join('\n')}`;
}

/** How a catalog decides features with their own flag (registry.ts `OwnFlagRule`), in one sentence for explain, docs and manifests. */
export function ownFlagRuleText(rule: 'own-flag-decides' | 'own-flag-overrides-level', apiFieldsKey: string): string {
  return rule === 'own-flag-decides'
    ? `rule own-flag-decides: a feature with its own flag is on exactly when that flag is "true"; unset, the flag keeps its default (false below stable, true once stable), and ${quote(apiFieldsKey)} never turns it on`
    : `rule own-flag-overrides-level: a feature with its own flag is decided by that flag when the ConfigMap sets it, and by ${quote(apiFieldsKey)} otherwise`;
}

/** A list item that loads, as Tekton loads it, but names nothing: `" taskrun"` in `"pipeline, taskrun"`, or an empty item. */
export function listItemMatchesNothing(key: string, item: string, allowed: readonly string[]): string {
  const meant = item.trim();
  const fix = meant === '' ? 'remove the empty item' : `write ${quote(meant)} without spaces`;
  return `${quote(key)}: the item ${quote(item)} matches none of ${listWords(allowed.map((value) => quote(value)), 'or')}, so it has no effect (items are split on commas and not trimmed): ${fix}`;
}
