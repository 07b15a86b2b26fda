import { parseConfig } from './parse-config';
import { fixture } from './test-support/fixture';
import { lifecycle, lifecycleKubernetes } from './test-support/lifecycle';

const warningsOf = (data: Record<string, string>, ceiling: 'stable' | 'beta' | 'alpha' = 'alpha', registry = lifecycle) => {
  const parsed = parseConfig(registry, data, { ceiling });
  expect(parsed.errors).toEqual([]);
  return parsed.warnings;
};

const MODE_WARNING = '"mode" is unset, so it takes the default "a"; the default becomes "b" (not before 2027-03-01): b is faster. Set "mode" to pin either value.';
const LEVEL_WARNING =
  '"enable-api-fields" is unset, so it takes the default "beta"; the default becomes "stable" (not before 2027-06-01): beta features become opt-in. Set "enable-api-fields" to pin either value.';

describe('announced default changes', () => {
  it('warn a cluster that relies on the default: the flag\'s and the level\'s', () => {
    const warnings = warningsOf({});
    expect(warnings).toContainEqual({ key: 'mode', message: MODE_WARNING });
    expect(warnings).toContainEqual({ key: 'enable-api-fields', message: LEVEL_WARNING });
  });

  it.each(['a', 'b'])('are silenced by pinning the flag to either value (%s)', (value) => {
    expect(warningsOf({ mode: value }).map((warning) => warning.key)).not.toContain('mode');
  });

  it.each(['beta', 'stable'])('are silenced by pinning the level to either value (%s)', (level) => {
    expect(warningsOf({ 'enable-api-fields': level }).map((warning) => warning.key)).not.toContain('enable-api-fields');
  });

  it('warn no bundle whose default does not change: the stable bundle\'s level is stable already', () => {
    expect(warningsOf({}, 'stable').map((warning) => warning.key)).not.toContain('enable-api-fields');
  });

  it('name the ConfigMap in the Kubernetes wording', () => {
    expect(warningsOf({}, 'alpha', lifecycleKubernetes).find((warning) => warning.key === 'mode')?.message).toBe(
      '"mode" is unset, so it takes the default "a"; the default becomes "b" (not before 2027-03-01): b is faster. Set "mode" in ConfigMap widget-system/widget-flags to pin either value.',
    );
  });

  it('leave the date out when none was announced', () => {
    const undated = { ...lifecycle, levelDefaultChange: { to: 'stable' as const, since: 'v2', message: 'opt in.' } };
    expect(warningsOf({}, 'alpha', undated).find((warning) => warning.key === 'enable-api-fields')?.message).toBe(
      '"enable-api-fields" is unset, so it takes the default "beta"; the default becomes "stable": opt in. Set "enable-api-fields" to pin either value.',
    );
  });

  it('leave the old mechanism as it was: a deprecated value that is set warns', () => {
    expect(warningsOf({ 'old-style': 'true' }, 'alpha', fixture)).toEqual([{ key: 'old-style', message: '"old-style": value "true" is deprecated: the old layout goes away in v3; set it to false' }]);
  });
});

describe('deprecated flags that are set', () => {
  it('warn with the notice and its removal date', () => {
    expect(warningsOf({ 'enable-legacy': 'true' })).toContainEqual({ key: 'enable-legacy', message: '"enable-legacy" is deprecated: no effect; removal not before 2027-01-15' });
  });

  it('do not warn when unset', () => {
    expect(warningsOf({}).map((warning) => warning.key)).not.toContain('enable-legacy');
  });
});
