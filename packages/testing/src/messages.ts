/** Every user-facing string of the testing helpers. */

const quote = (value: unknown): string => JSON.stringify(String(value));

export function defaultsOrigin(): string {
  return 'the defaults (FEATUREGATES_CONFIG is not set)';
}

export function unreadableFile(path: string): string {
  return `FEATUREGATES_CONFIG: cannot read ${quote(path)} (set it to a JSON map of flags, or the path of a JSON file holding one)`;
}

export function notJson(origin: string, detail: string): string {
  return `${origin} is not JSON: ${detail}`;
}

export function notAConfig(origin: string): string {
  return `${origin} must be a JSON map of feature-flag keys to values (or a ConfigMap, or a matrix configuration)`;
}

export function invalidRunningConfig(origin: string, errors: readonly string[]): string {
  return `${origin} is not a valid feature-flags config: ${errors.join('; ')}`;
}

export function noRequirements(helper: string): string {
  return `${helper}: name at least one key`;
}

export function requirementError(helper: string, detail: string): string {
  return `${helper}: ${detail}`;
}

export function removedRequirement(key: string, removedIn: string, note: string): string {
  return `${quote(key)} was removed in ${removedIn} (${note}); no running config can set it`;
}

export function misspeltRequirement(key: string, target: string): string {
  return `${quote(key)} is a misspelling some releases shipped; require ${quote(target)}`;
}

export function badRequirementValue(detail: string, suggestion: string | undefined): string {
  return suggestion ? `${detail}: did you mean ${quote(suggestion)}?` : detail;
}

export function skipReason(needs: string, running: string): string {
  return `requires ${needs}; running ${running}`;
}

export function skippedName(name: string, reason: string): string {
  return `${name} [skipped: ${reason}]`;
}
