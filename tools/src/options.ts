/** Checks of generator options shared by the generators, with messages that say what to pass. */
import type { Registry } from '@featuregates/gates';
import { isIsoDate, today } from '@featuregates/release';

/** kebab-case, as feature names and ConfigMap keys are written. */
export const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Every key a ConfigMap may already hold, so a new flag cannot collide with one. */
export function takenKeys(registry: Registry): Set<string> {
  return new Set([registry.apiFieldsKey, ...registry.flags.map((flag) => flag.key), ...registry.tombstones.map((entry) => entry.key), ...registry.aliases.map((entry) => entry.key)]);
}

/** The history's date and the changesets' release date: `--date`, or today. */
export function releaseDate(date: string | undefined): string {
  const value = date ?? today();
  if (!isIsoDate(value)) throw new Error(`bad --date "${value}": want YYYY-MM-DD`);
  return value;
}

/** A description the catalog's docs can show: one sentence, not a placeholder. */
export function checkDescription(description: string | undefined): string {
  const text = (description ?? '').trim();
  if (text.length <= 10) throw new Error('--description: say in one sentence what it does (more than 10 characters)');
  return text;
}
