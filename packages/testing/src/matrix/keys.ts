import { formatValue, parseConfig, STABILITIES, type BehaviorFlag, type Registry, type Stability } from '@featuregates/gates';
import type { MatrixKey } from './types';

/** The values worth a configuration of their own: bools both ways, every enum value, each list item alone. */
function candidateValues(flag: BehaviorFlag): string[] {
  const fallback = formatValue(flag.default);
  switch (flag.type) {
    case 'bool':
      return [fallback, String(flag.default !== true)];
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
 * behaviour flag that is not deprecated (a deprecated key has no behaviour left to test) with
 * each value the ceiling lets a config set. Keys left with one value are not varied.
 */
export function matrixKeys(catalog: Registry, ceiling: Stability): MatrixKey[] {
  const admitted = (key: string, value: string) => parseConfig(catalog, { [key]: value }, { ceiling }).errors.length === 0;
  const levels = [...STABILITIES].reverse().filter((level) => admitted(catalog.apiFieldsKey, level));
  const keys: MatrixKey[] = [];
  const defaultLevel = parseConfig(catalog, {}, { ceiling }).config?.level ?? levels[0];
  if (levels.length > 1) keys.push({ key: catalog.apiFieldsKey, values: [defaultLevel, ...levels.filter((level) => level !== defaultLevel)], default: defaultLevel });
  for (const flag of catalog.flags) {
    if (flag.deprecated) continue;
    const values = candidateValues(flag).filter((value) => admitted(flag.key, value));
    if (values.length > 1) keys.push({ key: flag.key, values, default: formatValue(flag.default) });
  }
  return keys;
}
