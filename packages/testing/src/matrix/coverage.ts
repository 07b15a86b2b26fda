import { formatValue, parseConfig, type Registry, type Stability } from '@featuregates/gates';
import type { MatrixConfiguration, MatrixKey } from './types';

export interface ValuePair {
  first: { key: string; value: string };
  second: { key: string; value: string };
}

/**
 * Every pair of values of two varied keys that no configuration holds, checked exhaustively;
 * `possible` filters out pairs that no configuration can hold.
 */
export function missingPairs(keys: readonly MatrixKey[], configurations: readonly MatrixConfiguration[], possible: (pair: ValuePair) => boolean = () => true): ValuePair[] {
  const seen = new Set<string>();
  const name = (key: string, value: string) => JSON.stringify([key, value]);
  for (const { flags } of configurations) {
    const settings = keys.filter((entry) => entry.key in flags).map((entry) => name(entry.key, flags[entry.key]));
    for (let x = 0; x < settings.length; x++) for (let y = x + 1; y < settings.length; y++) seen.add(`${settings[x]}|${settings[y]}`);
  }
  const missing: ValuePair[] = [];
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      for (const a of keys[i].values) {
        for (const b of keys[j].values) {
          const pair = { first: { key: keys[i].key, value: a }, second: { key: keys[j].key, value: b } };
          if (!seen.has(`${name(keys[i].key, a)}|${name(keys[j].key, b)}`) && possible(pair)) missing.push(pair);
        }
      }
    }
  }
  return missing;
}

/** How many value pairs the varied keys have in all. */
export function pairCount(keys: readonly MatrixKey[]): number {
  let total = 0;
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) total += keys[i].values.length * keys[j].values.length;
  return total;
}

/**
 * A configuration with every varied key it leaves unset filled in with its effective value, as
 * the model decides it (an unset own flag follows the level), so sparse configurations such as
 * `each`'s can be measured for coverage too.
 */
export function effectiveFlags(catalog: Registry, keys: readonly MatrixKey[], flags: Readonly<Record<string, string>>, ceiling: Stability): Record<string, string> {
  const { config } = parseConfig(catalog, flags, { ceiling });
  if (!config) return { ...flags };
  return Object.fromEntries(
    keys.map(({ key }) => {
      const value = key === catalog.apiFieldsKey ? config.level : config.values.get(key)?.value;
      return [key, value === undefined ? flags[key] : formatValue(value)];
    }),
  );
}
