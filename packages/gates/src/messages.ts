/**
 * Every user-facing string of the gate model, in one place so that wording is deliberate and
 * testable. Where Tekton has a wording, it is Tekton's.
 */
import { getOrInsert } from './get-or-insert';
import { MAX_CONFIG_KEY_LENGTH, MAX_ECHOED_LENGTH, MAX_ISSUE_LENGTH } from './limits';
import { bundlesOffering, type Stability } from './stability';

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

/** Tekton's `ValidateEnabledAPIFields` wording. */
export function apiFieldsRequired(title: string, stability: Stability, level: Stability, apiFieldsKey: string): string {
  const wanted = stability === 'alpha' ? '"alpha"' : '"alpha" or "beta"';
  return `${title} requires ${quote(apiFieldsKey)} feature gate to be ${wanted} but it is ${quote(level)}`;
}

/** Appended when the bundle's compiled-in ceiling keeps a feature off whatever the config says. */
export function ceilingHint(ceiling: Stability, stability: Stability): string {
  const offering = bundlesOffering(stability).map((bundle) => `"${bundle}"`);
  return `; the ${ceiling} bundle cannot turn on ${stability} features: install the ${listWords(offering)} bundle`;
}

export function ownFlagOrLevelHint(flag: string, apiFieldsKey: string): string {
  return ` (set ${quote(flag)} to "true", or ${quote(apiFieldsKey)} to "alpha" while ${quote(flag)} is unset)`;
}

export function ownFlagOffDefault(flag: string): string {
  return `feature flag \`${flag}\` should be set to true to use this feature`;
}

export function forbiddenByListFlag(path: string, flag: string, item: string): string {
  return `must not set the field(s): ${path} (${quote(flag)} contains ${quote(item)})`;
}

export function useWarning(path: string, title: string, stability: Stability): string {
  return path + useWarningTail(title, stability);
}

export function ratchetWarning(path: string, title: string, stability: Stability): string {
  return `${path}: kept existing ${stability} feature ${quote(title)}, which is now off; new uses are rejected`;
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

export function unknownKey(key: string, suggestion: string | undefined): string {
  const hint = suggestion ? `: did you mean ${quote(suggestion)}?` : ': it is not a feature flag of this release; remove it';
  return `unknown key ${quote(key)}${hint}`;
}

export function invalidKey(key: string): string {
  return `invalid key ${quote(key)}: a ConfigMap key is at most ${MAX_CONFIG_KEY_LENGTH} characters of letters, digits, "-", "_" and "."; remove it`;
}

export function moreUnknownKeys(count: number): string {
  return `…and ${count} more unknown ${count === 1 ? 'key' : 'keys'}`;
}

export function badValue(key: string, value: unknown, allowed: string): string {
  return `invalid value ${quote(value)} for ${quote(key)}: want ${allowed}`;
}

export function levelAboveCeiling(key: string, level: Stability, ceiling: Stability): string {
  const offering = bundlesOffering(level).map((bundle) => `"${bundle}"`);
  return `${quote(key)} is ${quote(level)}, but this is the ${ceiling} bundle, which allows at most ${quote(ceiling)}: install the ${listWords(offering)} bundle for ${level} features`;
}

export function flagAboveCeiling(key: string, stability: Stability, ceiling: Stability): string {
  const offering = bundlesOffering(stability).map((bundle) => `"${bundle}"`);
  const article = stability === 'alpha' ? 'an' : 'a';
  return `${quote(key)} turns on ${article} ${stability} feature, but this is the ${ceiling} bundle: install the ${listWords(offering)} bundle to use it`;
}

export function tombstoneWarning(key: string, removedIn: string, note: string): string {
  return `${quote(key)} was removed in ${removedIn} and has no effect (${note}); it can be deleted from the ConfigMap`;
}

export function aliasWarning(key: string, target: string, note: string): string {
  return `${quote(key)} is a misspelt key (${note}); its value applies to ${quote(target)}: rename it`;
}

export function aliasShadowed(key: string, target: string): string {
  return `${quote(key)} is ignored because ${quote(target)} is also set`;
}

export function deprecatedKey(key: string, message: string): string {
  return `${quote(key)} is deprecated: ${message}`;
}

export function deprecatedValue(key: string, value: unknown, message: string): string {
  return `${quote(key)}: value ${quote(value)} is deprecated: ${message}`;
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
