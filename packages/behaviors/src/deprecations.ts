import { formatValue, type GateConfig } from '@featuregates/gates';
import * as messages from './messages';

export interface DeprecationInUse {
  /** Key and value: a warning is logged once per distinct id. */
  id: string;
  key: string;
  message: string;
}

/**
 * The deprecated keys set and the deprecated values in effect, defaults included: in the TEP's
 * rename example the old behaviour is deprecated while it is still the default, and using it
 * must warn.
 */
export function deprecationsInUse(config: GateConfig): DeprecationInUse[] {
  const found: DeprecationInUse[] = [];
  for (const flag of config.registry.flags) {
    const effective = config.values.get(flag.key);
    if (!effective) continue;
    const id = `${flag.key}=${formatValue(effective.value)}`;
    if (flag.deprecated && config.explicit.has(flag.key)) {
      found.push({ id, key: flag.key, message: messages.deprecatedKeyInUse(flag.key, flag.deprecated.message, flag.deprecated.removalNotBefore) });
    }
    const value = flag.deprecatedValues?.find((entry) => formatValue(entry.value) === formatValue(effective.value));
    if (value) {
      found.push({ id: `${id}:value`, key: flag.key, message: messages.deprecatedValueInUse(flag.key, effective.value, value.message, effective.source === 'default') });
    }
  }
  return found;
}
