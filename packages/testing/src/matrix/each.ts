import type { MatrixConfiguration, MatrixKey } from './types';

/**
 * One factor at a time, as TEP-0033's test plan asks: every `enable-api-fields` level with all else
 * at its default, then each other value of each flag on its own over the defaults. Every value of
 * every key runs at least once, so each flag runs on and off, and a failure names its cause.
 */
export function eachConfigurations(keys: readonly MatrixKey[], levelKey: string): MatrixConfiguration[] {
  const configurations: MatrixConfiguration[] = [];
  const level = keys.find((entry) => entry.key === levelKey);
  for (const value of level?.values ?? []) {
    configurations.push({ name: `${levelKey}=${value}${value === level?.default ? ' (defaults)' : ''}`, flags: { [levelKey]: value } });
  }
  if (!level) configurations.push({ name: 'defaults', flags: {} });
  for (const entry of keys) {
    if (entry === level) continue;
    for (const value of entry.values.filter((candidate) => candidate !== entry.default)) {
      configurations.push({ name: `${entry.key}=${value}`, flags: { [entry.key]: value } });
    }
  }
  return configurations;
}
