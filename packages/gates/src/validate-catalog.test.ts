import type { BehaviorFlag, Registry } from './registry';
import { fixture } from './test-support/fixture';
import { assertValidCatalog, CatalogError, validateCatalog } from './validate-catalog';

/** The fixture with some fields replaced: each test breaks one thing. */
const broken = (changes: Partial<Registry>): Registry => ({ ...fixture, ...changes });
const withFlag = (key: string, change: Partial<BehaviorFlag>): Registry =>
  broken({ flags: fixture.flags.map((flag) => (flag.key === key ? ({ ...flag, ...change } as BehaviorFlag) : flag)) });

describe('validateCatalog', () => {
  it('finds nothing wrong with a sound catalog', () => {
    expect(validateCatalog(fixture)).toEqual([]);
    expect(() => assertValidCatalog(fixture)).not.toThrow();
  });

  it('names a type edge, a use and a kind that point at unknown types, suggesting the near name', () => {
    const registry = broken({
      types: { ...fixture.types, WidgetSpec: { 'parts[]': 'Prat', child: 'WidgetSpec' } },
      kinds: [...fixture.kinds, { group: 'example.dev', version: 'v2', kind: 'Widget', type: 'Gizmo', stability: 'stable' }],
      features: [{ ...fixture.features[0], uses: [{ type: 'Parts', path: 'fanOut', match: { kind: 'present' } }] }, ...fixture.features.slice(1)],
    });
    expect(validateCatalog(registry)).toEqual([
      { entry: 'type "WidgetSpec"', message: 'field "parts[]" points at type "Prat", which is not in `types`: add it to `types` or fix the name (did you mean "Part"?)' },
      { entry: 'kind example.dev/v2 Widget', message: 'its type "Gizmo" is not in `types`: add it to `types` or fix the name' },
      { entry: 'feature "fan-out"', message: 'uses[0] names type "Parts", which is not in `types`: add it to `types` or fix the name (did you mean "Part"?)' },
    ]);
  });

  it('refuses paths the type graph cannot hold', () => {
    const registry = broken({ types: { ...fixture.types, Part: { 'a..b': 'Part', '__proto__.x': 'Part' } } });
    expect(validateCatalog(registry).map((problem) => problem.message)).toEqual([
      'edge path "a..b" has the segment "": write dot-separated field names, `name[]` for every element of an array',
      'edge path "__proto__.x" has the segment "__proto__": write dot-separated field names, `name[]` for every element of an array',
    ]);
  });

  it('ties own flags and features both ways: missing, not a bool, unknown feature, disagreeing', () => {
    const missing = broken({ flags: fixture.flags.filter((flag) => flag.key !== 'enable-enum'), aliases: [] });
    expect(validateCatalog(missing)).toEqual([
      { entry: 'feature "enum"', message: 'names its own flag "enable-enum", which is not in `flags`: add a bool flag "enable-enum" with `feature` set to this feature, or remove `flag`' },
    ]);
    expect(validateCatalog(withFlag('enable-enum', { type: 'string', default: '', valueStability: undefined }))).toEqual([
      { entry: 'feature "enum"', message: 'its own flag "enable-enum" is a string flag: an own flag must be of type "bool"' },
    ]);
    expect(validateCatalog(withFlag('enable-legacy', { feature: 'tubro' }))).toEqual([
      { entry: 'flag "enable-legacy"', message: 'says it is the own flag of feature "tubro", which is not in `features`: fix `feature` (did you mean "turbo"?) or remove it' },
    ]);
    expect(validateCatalog(withFlag('enable-legacy', { feature: 'turbo' }))[0].message).toBe(
      'says it is the own flag of feature "turbo", but that feature names no own flag: make the two agree',
    );
  });

  it('finds duplicate features, flags and kinds, and keys that mean two things', () => {
    const registry = broken({
      features: [...fixture.features, fixture.features[1]],
      flags: [...fixture.flags, fixture.flags[3], { ...fixture.flags[5], key: 'enable-api-fields' }],
      kinds: [...fixture.kinds, fixture.kinds[0]],
      tombstones: [...fixture.tombstones, { key: 'mode', lastShipped: 'v1', removedIn: 'v2', note: 'x' }],
      aliases: [...fixture.aliases, { key: 'removed-key', target: 'size', note: 'x' }],
    });
    expect(validateCatalog(registry)).toEqual([
      { entry: 'kind example.dev/v1 Widget', message: 'is defined 2 times: keep one kind per group, version and kind per name' },
      { entry: 'feature "turbo"', message: 'is defined 2 times: keep one feature per name' },
      { entry: 'flag "size"', message: 'is defined 2 times: keep one flag per name' },
      { entry: 'flag "enable-api-fields"', message: 'key "enable-api-fields" is also the level key (`apiFieldsKey`): a ConfigMap key can mean one thing only; rename or remove one of them' },
      { entry: 'tombstone "mode"', message: 'key "mode" is also a flag: a ConfigMap key can mean one thing only; rename or remove one of them' },
      { entry: 'alias "removed-key"', message: 'key "removed-key" is also a tombstone: a ConfigMap key can mean one thing only; rename or remove one of them' },
    ]);
  });

  it('refuses an alias to nothing', () => {
    expect(validateCatalog(broken({ aliases: [{ key: 'sise', target: 'sizes', note: 'typo' }] }))).toEqual([
      { entry: 'alias "sise"', message: 'points at "sizes", which is neither a flag nor the level key: set `target` to a key in `flags`' },
    ]);
  });

  it('refuses defaults the flag itself would refuse, and value stabilities of values it does not have', () => {
    expect(validateCatalog(withFlag('mode', { default: 'z' }))[0].message).toBe('its default "z" is not one of its values ("a", "b", "c"): change `default` or the allowed values');
    expect(validateCatalog(withFlag('size', { default: 0 }))[0].message).toBe('its default "0" is not within its bounds (1 to 100): change `default` or the allowed values');
    expect(validateCatalog(withFlag('size', { default: 1.5 }))[0].message).toBe('its default "1.5" is not an integer: change `default` or the allowed values');
    expect(validateCatalog(withFlag('disable-inline', { default: ['gizmo'] }))[0].message).toBe('its default "gizmo" is not one of its values ("widget", "gadget"): change `default` or the allowed values');
    expect(validateCatalog(withFlag('old-style', { default: 'yes' }))[0].message).toBe('its default "yes" is not true or false: change `default` or the allowed values');
    expect(validateCatalog(withFlag('mode', { valueStability: { d: 'alpha' } }))).toEqual([
      { entry: 'flag "mode"', message: '`valueStability` names "d", which is not a value of this flag ("a", "b", "c"): remove it or fix the value' },
    ]);
  });

  it('compiles every pattern through compilePattern and says which one fails', () => {
    const registry = broken({
      features: fixture.features.map((feature) => (feature.name === 'magic' ? { ...feature, uses: [{ type: 'Part', path: 'script', match: { kind: 'pattern', pattern: '(unclosed' } }] } : feature)),
    });
    const [problem] = validateCatalog(registry);
    expect(problem.entry).toBe('feature "magic"');
    expect(problem.message).toMatch(/^uses\[0\] pattern "\(unclosed" does not compile \(.+\): fix the pattern$/);
  });

  it('wants history oldest first, by release and by date', () => {
    const registry = withFlag('size', {
      history: [
        { release: 'v1.10.0', date: '2026-02-01', event: 'introduced' },
        { release: 'v1.9.0', date: '2026-01-01', event: 'promoted' },
        { release: 'v1.10.0', date: '2026-13-45', event: 'deprecated' },
      ],
    });
    expect(validateCatalog(registry).map((problem) => problem.message)).toEqual([
      'history[1] (release v1.9.0) comes before the previous entry\'s release v1.10.0: keep history oldest first',
      'history[1] (date 2026-01-01) comes before the previous entry\'s date 2026-02-01: keep history oldest first',
      'history[2] date "2026-13-45" is not a date: write it as YYYY-MM-DD',
    ]);
  });

  it('wants every level it uses declared, and declared levels that exist', () => {
    const twoLevels = broken({ levels: ['stable', 'alpha'], defaultLevel: 'beta' });
    expect(validateCatalog(twoLevels)).toEqual([
      { entry: 'defaultLevel', message: '`defaultLevel` is "beta", which the catalog\'s `levels` ("stable", "alpha") do not declare: add it to `levels` or use a declared level' },
      { entry: 'feature "fan-out"', message: '`stability` is "beta", which the catalog\'s `levels` ("stable", "alpha") do not declare: add it to `levels` or use a declared level' },
      { entry: 'feature "array-type"', message: '`stability` is "beta", which the catalog\'s `levels` ("stable", "alpha") do not declare: add it to `levels` or use a declared level' },
    ]);
    const betaValue = { ...withFlag('mode', { valueStability: { c: 'beta' } }), levels: ['stable', 'alpha'] as const, features: fixture.features.filter((feature) => feature.stability !== 'beta') };
    expect(validateCatalog(betaValue).map((problem) => problem.message)).toEqual([
      '`defaultLevel` is "beta", which the catalog\'s `levels` ("stable", "alpha") do not declare: add it to `levels` or use a declared level',
      '`valueStability.c` is "beta", which the catalog\'s `levels` ("stable", "alpha") do not declare: add it to `levels` or use a declared level',
    ]);
    const impliedBeta = { ...withFlag('enable-legacy', { impliedBy: 'beta' }), levels: ['alpha', 'stable'] as const, defaultLevel: 'stable' as const, features: fixture.features.filter((feature) => feature.stability !== 'beta') };
    expect(validateCatalog(impliedBeta)).toEqual([
      { entry: 'flag "enable-legacy"', message: '`impliedBy` is "beta", which the catalog\'s `levels` ("alpha", "stable") do not declare: add it to `levels` or use a declared level' },
    ]);
    expect(validateCatalog(broken({ levels: [] }))).toEqual([
      { entry: 'levels', message: '`levels` is empty: declare at least one of "stable", "beta" and "alpha", or leave it out for all three' },
    ]);
    expect(validateCatalog(broken({ levels: ['stable', 'beta', 'alpha', 'gamma' as never, 'beta'] })).map((problem) => problem.message)).toEqual([
      '`levels` holds "gamma", which is not a level: use "stable", "beta" or "alpha"',
      '`levels` names "beta" more than once: name each level once',
    ]);
  });

  it('throws every problem at once, in one CatalogError, and keeps the verdict per catalog object', () => {
    const registry = broken({ defaultLevel: 'gamma' as never, aliases: [{ key: 'x', target: 'y', note: '' }] });
    let error: unknown;
    try {
      assertValidCatalog(registry);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).problems).toHaveLength(2);
    expect((error as CatalogError).message).toBe(
      'catalog "widgets" has 2 problems; fix the catalog before it is loaded:\n' +
        '  defaultLevel: `defaultLevel` is "gamma", which is not a stability: use "stable", "beta" or "alpha"\n' +
        '  alias "x": points at "y", which is neither a flag nor the level key: set `target` to a key in `flags`',
    );
    expect(() => assertValidCatalog(registry)).toThrow(CatalogError);
  });

  it('takes time linear in the catalog: ten thousand features and flags check in one pass', () => {
    const features = Array.from({ length: 10_000 }, (_, i) => ({ ...fixture.features[1], name: `f${i}`, flag: `k${i}` }));
    const flags = Array.from({ length: 10_000 }, (_, i): BehaviorFlag => ({ key: `k${i}`, type: 'bool', default: false, stability: 'alpha', feature: `f${i}`, description: '', history: [] }));
    expect(validateCatalog(broken({ features, flags, aliases: [] }))).toEqual([]);
  });

  it('lists every broken reference of a large catalog but suggests names for only the first few, so checking stays linear', () => {
    const uses = Array.from({ length: 10_000 }, (_, i) => ({ type: `Part${i}`, path: 'x', match: { kind: 'present' as const } }));
    const problems = validateCatalog(broken({ features: fixture.features.map((feature) => (feature.name === 'turbo' ? { ...feature, uses } : feature)) }));
    expect(problems).toHaveLength(10_000);
    expect(problems.filter((problem) => problem.message.includes('did you mean'))).toHaveLength(20);
  });
});
