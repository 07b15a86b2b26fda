import { formatValue, parseConfig, STABILITIES, type BehaviorFlag, type Registry, type Stability } from '@featuregates/gates';
import type { MatrixKey } from './types';

/**
 * The values worth a configuration of their own, the effective default first: bools both ways,
 * every enum value, each list item alone.
 */
function candidateValues(flag: BehaviorFlag, fallback: string): string[] {
  switch (flag.type) {
    case 'bool':
      return [fallback, String(fallback !== 'true')];
    case 'enum':
      return [fallback, ...(flag.values ?? []).filter((value) => value !== fallback)];
    case 'list':
      return [fallback, ...(flag.values ?? []).filter((value) => value !== fallback)];
    case 'int':
    case 'string':
      // No on and off to test: a suite that cares sets its own values.
      return [fallback];
  }
}

/**
 * The keys a matrix varies: `enable-api-fields` at every level the ceiling allows, and every
 * behaviour flag, deprecated ones included until they are removed (clusters still set them), with
 * each value the ceiling lets a config set. A key's default is the value an empty ConfigMap gives
 * it, so an own flag the level turns on (or a beta own flag on by default) runs once set to false.
 * A deprecated legacy key that a level forces on (TEP-0033's `enable-custom-tasks`) is left to the
 * level, which already runs it both ways. Keys left with one value are not varied.
 */
export function matrixKeys(catalog: Registry, ceiling: Stability): MatrixKey[] {
  const admitted = (key: string, value: string) => parseConfig(catalog, { [key]: value }, { ceiling }).errors.length === 0;
  const levels = [...STABILITIES].reverse().filter((level) => admitted(catalog.apiFieldsKey, level));
  const keys: MatrixKey[] = [];
  const defaults = parseConfig(catalog, {}, { ceiling }).config;
  const defaultLevel = defaults?.level ?? levels[0];
  if (levels.length > 1) keys.push({ key: catalog.apiFieldsKey, values: [defaultLevel, ...levels.filter((level) => level !== defaultLevel)], default: defaultLevel });
  for (const flag of catalog.flags) {
    if (flag.deprecated && flag.impliedBy) continue;
    const fallback = formatValue(defaults?.values.get(flag.key)?.value ?? flag.default);
    const values = candidateValues(flag, fallback).filter((value) => admitted(flag.key, value));
    if (values.length > 1) keys.push({ key: flag.key, values, default: fallback });
  }
  return keys;
}
