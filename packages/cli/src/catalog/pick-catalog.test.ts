import { missingCatalogFields, pickCatalog } from './pick-catalog';

const catalog = (name: string) => ({ name, apiFieldsKey: 'enable-api-fields', kinds: [], types: {}, features: [], flags: [] });

describe('pickCatalog', () => {
  it('takes the default export, the module itself, or its one catalog-shaped export', () => {
    expect(pickCatalog({ default: catalog('a'), other: catalog('b') })).toMatchObject({ ok: true, exportName: 'default', registry: { name: 'a' } });
    expect(pickCatalog(catalog('json'))).toMatchObject({ ok: true, exportName: 'module.exports', registry: { name: 'json' } });
    expect(pickCatalog({ __esModule: true, widgets: catalog('w'), FEATURES: [], KINDS: [] })).toMatchObject({ ok: true, exportName: 'widgets' });
  });

  it('says what is wrong: ambiguous, nothing exported, a default that is not a catalog', () => {
    expect(pickCatalog({ a: catalog('a'), b: catalog('b') })).toEqual({ ok: false, message: 'ambiguous: the exports a, b are all catalogs; export the one to use as the default export' });
    expect(pickCatalog({ FEATURES: [] })).toEqual({
      ok: false,
      message: 'no catalog among its exports (FEATURES): export a Registry (name, apiFieldsKey, kinds, types, features, flags) as the default export',
    });
    expect(pickCatalog({})).toMatchObject({ ok: false, message: expect.stringContaining('(it exports nothing)') });
    expect(pickCatalog({ default: { name: 'x', kinds: [] } })).toEqual({ ok: false, message: 'not a catalog: its default export lacks apiFieldsKey, types, features, flags' });
    expect(pickCatalog(42)).toMatchObject({ ok: false, message: expect.stringContaining('it exports a number') });
  });

  it('names every missing field', () => {
    expect(missingCatalogFields(null)).toEqual(['name', 'apiFieldsKey', 'kinds', 'types', 'features', 'flags']);
    expect(missingCatalogFields({ ...catalog('a'), types: [] })).toEqual(['types']);
  });
});
