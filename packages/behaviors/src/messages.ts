/**
 * Every user-facing string of the behaviour switches. Config wording (unknown keys, bad values,
 * deprecations) is the gate model's, so a controller's log says what the webhook says.
 */
import { DEFAULT_VOICE, deprecatedKey, deprecatedValue, unknownKey, type FlagValue } from '@featuregates/gates';

const quote = (value: unknown): string => JSON.stringify(String(value));

/** A key a controller's code reads that its catalog lacks: a programmer's error, worded alike whatever the catalog. */
export function unknownFlag(key: string, suggestion: string | undefined): string {
  return unknownKey(DEFAULT_VOICE, key, suggestion).replace(/^unknown key/, 'unknown flag');
}

export function removedFlag(key: string, removedIn: string, note: string): string {
  return `unknown flag ${quote(key)}: it was removed in ${removedIn} (${note})`;
}

export function misspeltFlag(key: string, target: string): string {
  return `unknown flag ${quote(key)}: it is a misspelling that some releases shipped; read ${quote(target)}`;
}

export function notABoolean(key: string, type: string): string {
  return `${quote(key)} is a${type === 'enum' || type === 'int' ? 'n' : ''} ${type} flag, not a boolean: read it with get(${quote(key)})`;
}

export function unknownFeature(name: string, suggestion: string | undefined): string {
  return `unknown feature ${quote(name)}${suggestion ? `: did you mean ${quote(suggestion)}?` : ''}`;
}

export function noConfigYet(errors: readonly string[]): string {
  const why = errors.length > 0 ? `: ${errors.join('; ')}` : '';
  return `no valid feature-flags config has loaded yet${why}`;
}

export function invalidConfig(errors: readonly string[]): string {
  return `invalid feature-flags config: ${errors.join('; ')}`;
}

export function configRejected(errors: readonly string[]): string {
  return `feature-flags config rejected, keeping the last good one: ${errors.join('; ')}`;
}

/** The gate model's words for a deprecated key that is set: "deprecated: MESSAGE; removal not before DATE". */
export function deprecatedKeyInUse(key: string, message: string, removalNotBefore?: string): string {
  return deprecatedKey(key, message, removalNotBefore);
}

/** A deprecated value, also when it is the default (the TEP: "when the flag is set to false (the default) a warning will be logged"). */
export function deprecatedValueInUse(key: string, value: FlagValue, message: string, isDefault: boolean): string {
  const text = deprecatedValue(key, Array.isArray(value) ? value.join(',') : value, message);
  return isDefault ? `${text} (it is the default: set ${quote(key)} explicitly to choose)` : text;
}

export function listenerFailed(error: unknown): string {
  return `a feature-flags change listener threw: ${error instanceof Error ? error.message : String(error)}`;
}

// Reading provenance

export function provenanceNotAMap(): string {
  return 'the record is not a map of flag keys to values';
}

export function provenanceRemoved(removedIn: string, note: string): string {
  return `removed in ${removedIn} (${note})`;
}

export function provenanceUnknown(): string {
  return 'not a flag of this release (written by a newer release, or by another project)';
}

export function provenanceNotAValue(): string {
  return 'not a flag value (want a boolean, number, string or list of strings)';
}

export function provenanceShadowed(target: string): string {
  return `the record also holds ${quote(target)}, which wins`;
}
