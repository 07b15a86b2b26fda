import { formatValue, parseConfig, type Registry, type Stability } from '@featuregates/gates';

/**
 * A configuration the model takes as written: it parses without errors, and every key it sets
 * keeps the value it was set to (a legacy flag that `enable-api-fields: alpha` forces on is not
 * "off" under alpha, so that pair is not a real configuration).
 */
export function isRealConfiguration(catalog: Registry, flags: Readonly<Record<string, string>>, ceiling: Stability): boolean {
  const { config } = parseConfig(catalog, flags, { ceiling });
  if (!config) return false;
  return Object.entries(flags).every(([key, text]) => {
    if (key === catalog.apiFieldsKey) return config.level === text;
    const effective = config.values.get(key);
    return effective !== undefined && formatValue(effective.value) === text;
  });
}
