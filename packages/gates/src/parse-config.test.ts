import { defaultConfig, parseBool, parseConfig } from './parse-config';
import { fixture } from './test-support/fixture';

const messagesOf = (issues: { message: string }[]) => issues.map((issue) => issue.message).join('\n');

describe('parseConfig', () => {
  it('defaults enable-api-fields to the registry default lowered to the ceiling', () => {
    expect(defaultConfig(fixture).level).toBe('beta');
    expect(defaultConfig(fixture, { ceiling: 'alpha' }).levelSource).toBe('default');
    expect(defaultConfig(fixture, { ceiling: 'stable' }).level).toBe('stable');
  });

  it('rejects an unknown key with a did-you-mean', () => {
    const result = parseConfig(fixture, { 'enable-api-feilds': 'alpha' });
    expect(result.config).toBeUndefined();
    expect(messagesOf(result.errors)).toBe('unknown key "enable-api-feilds": did you mean "enable-api-fields"?');
  });

  it('rejects an unknown key far from every key with advice instead of a guess', () => {
    const result = parseConfig(fixture, { 'completely-different': 'x' });
    expect(messagesOf(result.errors)).toMatch(/unknown key "completely-different": it is not a feature flag of this release; remove it/);
  });

  it('never falls back silently on a bad enable-api-fields value', () => {
    const result = parseConfig(fixture, { 'enable-api-fields': 'experimental' });
    expect(result.config).toBeUndefined();
    expect(messagesOf(result.errors)).toBe('invalid value "experimental" for "enable-api-fields": want one of "stable", "beta" or "alpha"');
  });

  it('takes enum values case-insensitively, as Tekton lowercases them', () => {
    expect(parseConfig(fixture, { 'enable-api-fields': 'Alpha' }).config?.level).toBe('alpha');
    expect(parseConfig(fixture, { mode: 'B' }).config?.values.get('mode')?.value).toBe('b');
  });

  it.each([
    ['mode', 'd', 'want one of "a", "b" or "c"'],
    ['size', 'ten', 'want an integer ≥ 1 ≤ 100'],
    ['size', '1000', 'want an integer ≥ 1 ≤ 100'],
    ['enable-enum', 'yes', 'want a boolean'],
    ['disable-inline', 'widget,spoon', 'want a comma-separated list of "widget" and "gadget"'],
    ['disable-inline', 'spoon, gadget', 'want a comma-separated list without spaces'],
  ])('rejects %s: %s naming what is allowed', (key, value, want) => {
    const result = parseConfig(fixture, { [key]: value });
    expect(result.config).toBeUndefined();
    expect(messagesOf(result.errors)).toContain(`invalid value ${JSON.stringify(value)} for "${key}": ${want}`);
  });

  // Tekton (tektoncd/pipeline 3ee1745, pkg/apis/config/feature_flags.go `setFeatureInlineSpec`) stores the
  // string as written and pipeline_validation.go `validateEnabledInlineSpec` splits it on "," without
  // trimming: "widget, gadget" loads, and " gadget" forbids nothing.
  it('loads a list item with spaces, or an empty one, as Tekton does: kept as written, matching nothing, with a warning', () => {
    const result = parseConfig(fixture, { 'disable-inline': 'widget, gadget,' });
    expect(result.errors).toEqual([]);
    expect(result.config?.values.get('disable-inline')).toEqual({ value: ['widget', ' gadget', ''], source: 'configmap' });
    expect(messagesOf(result.warnings)).toBe(
      '"disable-inline": the item " gadget" matches none of "widget" or "gadget", so it has no effect (items are split on commas and not trimmed): write "gadget" without spaces\n' +
        '"disable-inline": the item "" matches none of "widget" or "gadget", so it has no effect (items are split on commas and not trimmed): remove the empty item',
    );
  });

  it("accepts every spelling Go's strconv.ParseBool accepts and nothing else", () => {
    for (const spelling of ['1', 't', 'T', 'TRUE', 'true', 'True']) expect(parseBool(spelling)).toBe(true);
    for (const spelling of ['0', 'f', 'F', 'FALSE', 'false', 'False']) expect(parseBool(spelling)).toBe(false);
    for (const spelling of ['yes', 'on', 'tRUE', ' true', '']) expect(parseBool(spelling)).toBeUndefined();
  });

  it('takes booleans and numbers from a plain YAML map as their text', () => {
    const config = parseConfig(fixture, { 'enable-enum': true, size: 42 }).config;
    expect(config?.values.get('enable-enum')).toEqual({ value: true, source: 'configmap' });
    expect(config?.values.get('size')?.value).toBe(42);
  });

  it('loads a removed key with a warning, never an error', () => {
    const result = parseConfig(fixture, { 'removed-key': 'true' });
    expect(result.errors).toEqual([]);
    expect(result.config).toBeDefined();
    expect(messagesOf(result.warnings)).toBe('"removed-key" was removed in v1.0 and has no effect (it did nothing); it can be deleted from the ConfigMap');
  });

  it('applies a misspelt alias to its target with a warning', () => {
    const result = parseConfig(fixture, { 'enabel-enum': 'true' });
    expect(result.config?.values.get('enable-enum')).toEqual({ value: true, source: 'configmap' });
    expect(result.config?.explicit.has('enable-enum')).toBe(true);
    expect(messagesOf(result.warnings)).toMatch(/"enabel-enum" is a misspelt key .*applies to "enable-enum"/);
  });

  it('lets the real key win over its alias', () => {
    const result = parseConfig(fixture, { 'enabel-enum': 'true', 'enable-enum': 'false' });
    expect(result.config?.values.get('enable-enum')?.value).toBe(false);
    expect(messagesOf(result.warnings)).toBe('"enabel-enum" is ignored because "enable-enum" is also set');
  });

  it('refuses a level above the bundle ceiling and names the bundle that offers it', () => {
    const result = parseConfig(fixture, { 'enable-api-fields': 'alpha' }, { ceiling: 'stable' });
    expect(result.config).toBeUndefined();
    expect(messagesOf(result.errors)).toBe(
      '"enable-api-fields" is "alpha", but this is the stable bundle, which allows at most "stable": install the "alpha" bundle for alpha features',
    );
    expect(parseConfig(fixture, { 'enable-api-fields': 'beta' }, { ceiling: 'beta' }).config?.level).toBe('beta');
  });

  it("refuses an alpha feature's own flag above the ceiling, but not turning it off", () => {
    const on = parseConfig(fixture, { 'enable-enum': 'true' }, { ceiling: 'beta' });
    expect(messagesOf(on.errors)).toBe('"enable-enum" turns on an alpha feature, but this is the beta bundle: install the "alpha" bundle to use it');
    expect(parseConfig(fixture, { 'enable-enum': 'false' }, { ceiling: 'stable' }).errors).toEqual([]);
  });

  it('refuses an enum value whose maturity is above the ceiling; the default is always allowed', () => {
    expect(parseConfig(fixture, { mode: 'c' }, { ceiling: 'stable' }).errors).toHaveLength(1);
    expect(parseConfig(fixture, { mode: 'b' }, { ceiling: 'stable' }).errors).toEqual([]);
    expect(parseConfig(fixture, { mode: 'c' }, { ceiling: 'alpha' }).errors).toEqual([]);
  });

  it('forces legacy flags on under alpha, and says so when the config turns them off', () => {
    expect(defaultConfig(fixture).values.get('enable-legacy')).toEqual({ value: false, source: 'default' });
    const implied = parseConfig(fixture, { 'enable-api-fields': 'alpha' }).config;
    expect(implied?.values.get('enable-legacy')).toEqual({ value: true, source: 'implied' });
    const overridden = parseConfig(fixture, { 'enable-api-fields': 'alpha', 'enable-legacy': 'false' });
    expect(overridden.config?.values.get('enable-legacy')).toEqual({ value: true, source: 'implied' });
    expect(messagesOf(overridden.warnings)).toContain('"enable-legacy" is set to false, but "enable-api-fields": "alpha" turns it on');
  });

  it('warns about deprecated keys and deprecated values', () => {
    const result = parseConfig(fixture, { 'enable-legacy': 'true', 'old-style': 'true' });
    expect(messagesOf(result.warnings)).toContain('"enable-legacy" is deprecated: no effect');
    expect(messagesOf(result.warnings)).toContain('"old-style": value "true" is deprecated: the old layout goes away in v3; set it to false');
  });

  it('reports every error at once and yields no config: all or nothing', () => {
    const result = parseConfig(fixture, { 'enable-api-fields': 'alpah', size: '-3', 'enable-param-enums': 'true' });
    expect(result.errors.map((error) => error.key).sort()).toEqual(['enable-api-fields', 'enable-param-enums', 'size']);
    expect(result.config).toBeUndefined();
  });

  it('shows an own flag as implied when the level turns its feature on', () => {
    expect(parseConfig(fixture, { 'enable-api-fields': 'alpha' }).config?.values.get('enable-enum')).toEqual({ value: true, source: 'implied' });
    expect(parseConfig(fixture, { 'enable-api-fields': 'beta' }).config?.values.get('enable-enum')).toEqual({ value: false, source: 'default' });
  });

  it('rejects data that is not a map, and values that are not scalars', () => {
    expect(parseConfig(fixture, ['enable-api-fields']).errors[0].message).toMatch(/must be a map/);
    expect(parseConfig(fixture, { mode: { nested: true } }).errors[0].message).toMatch(/invalid value "object" for "mode": want a string value/);
  });

  it('treats an empty or missing data section as all defaults', () => {
    expect(parseConfig(fixture, undefined).config?.level).toBe('beta');
    expect(parseConfig(fixture, null).config?.explicit.size).toBe(0);
  });
});
