import { tektonCatalog } from '../../catalog';
import { parseConfig } from '@featuregates/gates';
import { generateMatrix } from '@featuregates/testing';
import { eachSizeOf, valueCountsAtAlpha } from '../../test-support/matrix-sizes';

describe('the each strategy over Tekton\'s catalog', () => {
  const matrix = generateMatrix(tektonCatalog, 'each', { ceiling: 'alpha' });

  it('runs each level with everything else at its default', () => {
    expect(matrix.configurations.slice(0, 3)).toEqual([
      { name: 'enable-api-fields=beta (defaults)', flags: { 'enable-api-fields': 'beta' } },
      { name: 'enable-api-fields=stable', flags: { 'enable-api-fields': 'stable' } },
      { name: 'enable-api-fields=alpha', flags: { 'enable-api-fields': 'alpha' } },
    ]);
  });

  it('runs every value of every key at least once, changing one key at a time', () => {
    for (const { key, values } of matrix.keys) {
      for (const value of values) {
        const running = matrix.configurations.map(({ flags }) => flags[key] ?? (key === 'enable-api-fields' ? 'beta' : parseConfig(tektonCatalog, {}).config!.values.get(key)!.value.toString()));
        expect(running).toContain(value);
      }
    }
    for (const { flags } of matrix.configurations) expect(Object.keys(flags)).toHaveLength(1);
  });

  it('takes the levels plus one configuration per non-default value', () => {
    const nonDefaults = matrix.keys.filter((entry) => entry.key !== 'enable-api-fields').reduce((sum, entry) => sum + entry.values.length - 1, 0);
    expect(matrix.configurations).toHaveLength(3 + nonDefaults);
    expect(matrix.configurations).toHaveLength(eachSizeOf(valueCountsAtAlpha(tektonCatalog), 'enable-api-fields'));
  });

  it('yields only configurations the model accepts', () => {
    for (const { flags } of matrix.configurations) expect(parseConfig(tektonCatalog, flags).errors).toEqual([]);
  });
});
