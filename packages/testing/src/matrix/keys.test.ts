import { assertValidCatalog, parseConfig, type OwnFlagRule } from '@featuregates/gates';
import { ownFlags } from '../test-support/catalogs';
import { missingPairs } from './coverage';
import { generateMatrix } from './generate';
import { matrixKeys } from './keys';

const RULES: readonly OwnFlagRule[] = ['own-flag-decides', 'own-flag-overrides-level'];

/** Whether some configuration of the matrix runs with `key` at `value`, explicitly or as the model decides it. */
function runs(catalog: ReturnType<typeof ownFlags>, configurations: readonly { flags: Readonly<Record<string, string>> }[], key: string, value: string): boolean {
  return configurations.some(({ flags }) => String(parseConfig(catalog, flags, { ceiling: 'alpha' }).config?.values.get(key)?.value) === value);
}

describe.each(RULES)('matrixKeys under %s', (rule) => {
  const catalog = ownFlags(rule);
  const keys = new Map(matrixKeys(catalog, 'alpha').map((entry) => [entry.key, entry]));

  it('takes a valid catalog', () => {
    expect(() => assertValidCatalog(catalog)).not.toThrow();
  });

  it('puts first the value a key takes in the default configuration, so the other value is the one each runs', () => {
    const defaults = parseConfig(catalog, {}, { ceiling: 'alpha' }).config!;
    for (const entry of keys.values()) {
      if (entry.key === catalog.apiFieldsKey) expect(entry.default).toBe(defaults.level);
      else expect(entry.default).toBe(String(defaults.values.get(entry.key)!.value));
      expect(entry.values[0]).toBe(entry.default);
    }
  });

  it.each(['each', 'pairwise'] as const)('%s runs every beta own flag both ways, the opt-out included', (strategy) => {
    const matrix = generateMatrix(catalog, strategy, { ceiling: 'alpha' });
    for (const flag of catalog.flags.filter((entry) => entry.feature && entry.stability === 'beta')) {
      expect(runs(catalog, matrix.configurations, flag.key, 'false')).toBe(true);
      expect(runs(catalog, matrix.configurations, flag.key, 'true')).toBe(true);
    }
  });

  it('keeps a deprecated flag until it is removed, and varies no tombstone', () => {
    expect(keys.get('old-layout')?.values).toEqual(['false', 'true']);
    expect(keys.has('older-layout')).toBe(false);
  });

  it('leaves a deprecated legacy key the level forces on to the level, so every pair it varies can be run', () => {
    expect(keys.has('enable-old-runs')).toBe(false);
    expect(runs(catalog, generateMatrix(catalog, 'each', { ceiling: 'alpha' }).configurations, 'enable-old-runs', 'true')).toBe(true);
    const pairwise = generateMatrix(catalog, 'pairwise', { ceiling: 'alpha' });
    expect(missingPairs(pairwise.keys, pairwise.configurations)).toEqual([]);
  });
});

describe('matrixKeys under own-flag-overrides-level', () => {
  it('runs the opt-out of a beta own flag that the default level turns on', () => {
    const catalog = ownFlags('own-flag-overrides-level');
    const each = generateMatrix(catalog, 'each', { ceiling: 'alpha' });
    expect(each.configurations.map(({ flags }) => flags)).toContainEqual({ 'enable-preview': 'false' });
    expect(each.configurations.map(({ flags }) => flags)).toContainEqual({ 'enable-rollout': 'false' });
  });
});

describe('matrixKeys under own-flag-decides', () => {
  it('runs a beta own flag that defaults on off, and one that defaults off on', () => {
    const catalog = ownFlags('own-flag-decides');
    const each = generateMatrix(catalog, 'each', { ceiling: 'alpha' });
    expect(each.configurations.map(({ flags }) => flags)).toEqual(
      expect.arrayContaining([{ 'enable-rollout': 'false' }, { 'enable-preview': 'true' }, { 'enable-sketch': 'true' }, { 'old-layout': 'true' }]),
    );
  });
});
