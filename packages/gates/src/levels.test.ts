import { evaluate } from './evaluate';
import { defaultConfig, parseConfig } from './parse-config';
import { requirements } from './requirements';
import { bundlesOffering, withinLevels } from './stability';
import { gizmo, twoLevels } from './test-support/fixture';
import { validateCatalog } from './validate-catalog';

const errorsOf = (data: Record<string, string>, ceiling?: 'stable' | 'beta' | 'alpha') => parseConfig(twoLevels, data, ceiling ? { ceiling } : {}).errors.map((error) => error.message);

describe('a catalog with two levels, stable and alpha', () => {
  it('is a valid catalog', () => {
    expect(validateCatalog(twoLevels)).toEqual([]);
  });

  it('defaults to its own default level and takes only declared levels, naming them', () => {
    expect(defaultConfig(twoLevels).level).toBe('stable');
    expect(parseConfig(twoLevels, { 'enable-api-fields': 'alpha' }).config?.level).toBe('alpha');
    expect(errorsOf({ 'enable-api-fields': 'beta' })).toEqual(['"enable-api-fields": invalid value "beta": must be one of "stable" or "alpha"']);
  });

  it('keeps the ceiling within its levels: a beta ceiling is stable here, and a stable ceiling refuses alpha naming only the alpha bundle', () => {
    expect(defaultConfig(twoLevels, { ceiling: 'beta' }).ceiling).toBe('stable');
    expect(defaultConfig(twoLevels, { ceiling: 'stable' }).ceiling).toBe('stable');
    expect(errorsOf({ 'enable-api-fields': 'alpha' }, 'stable')).toEqual([
      '"enable-api-fields" is "alpha", but this is the stable bundle, which allows at most "stable": install the "alpha" bundle for alpha features',
    ]);
    expect(errorsOf({ 'enable-bundles': 'true' }, 'stable')).toEqual(['"enable-bundles" turns on an alpha feature, but this is the stable bundle: install the "alpha" bundle to use it']);
    expect(errorsOf({ mode: 'wild' }, 'stable')).toEqual(['"mode" turns on an alpha feature, but this is the stable bundle: install the "alpha" bundle to use it']);
  });

  it('evaluates: alpha features off at stable (offering only alpha), on at alpha with a warning, stable ones always on', () => {
    const object = gizmo({ triggers: [{ labels: { a: 'b' }, overlays: [{ key: 'x' }] }] });
    const atStable = evaluate(object, { config: defaultConfig(twoLevels) });
    expect(atStable.violations).toEqual([
      { path: 'spec.triggers[0].overlays', feature: 'cel', message: 'CEL overlays is an alpha feature and is off: set "enable-api-fields" to "alpha" in ConfigMap gizmo-system/feature-flags-gizmos' },
    ]);
    const atAlpha = evaluate(object, { config: parseConfig(twoLevels, { 'enable-api-fields': 'alpha' }).config! });
    expect(atAlpha.allowed).toBe(true);
    expect(atAlpha.warnings).toEqual(['spec.triggers[0].overlays: uses alpha feature "cel"']);
    const ceiling = evaluate(object, { config: parseConfig(twoLevels, {}, { ceiling: 'stable' }).config! });
    expect(ceiling.violations[0].message).toMatch(/; the stable bundle cannot turn on alpha features: install the "alpha" bundle$/);
  });

  it('states requirements in its own levels', () => {
    expect(requirements(twoLevels, gizmo({ triggers: [{ overlays: [1] }], bundle: 'b' }))).toEqual({
      level: 'alpha',
      flags: ['enable-bundles'],
      mustNotDisable: [],
      features: [
        { feature: 'cel', stability: 'alpha', paths: ['spec.triggers[0].overlays'] },
        { feature: 'bundles', stability: 'alpha', flag: 'enable-bundles', paths: ['spec.bundle'] },
      ],
    });
    expect(requirements(twoLevels, gizmo({ triggers: [{ labels: { a: 'b' } }] })).level).toBe('stable');
  });

  it('offers only declared bundles', () => {
    expect(bundlesOffering('stable', ['alpha', 'stable'])).toEqual(['stable', 'alpha']);
    expect(bundlesOffering('alpha', ['alpha', 'stable'])).toEqual(['alpha']);
    expect(bundlesOffering('beta')).toEqual(['beta', 'alpha']);
    expect(withinLevels('beta', ['alpha', 'stable'])).toBe('stable');
    expect(withinLevels('stable', ['alpha'])).toBe('stable');
  });
});
