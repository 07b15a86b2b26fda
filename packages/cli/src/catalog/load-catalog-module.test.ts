import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../test-support/cli';
import { loadCatalogModule } from './load-catalog-module';

const BODY = `{ name: 'widgets', apiFieldsKey: 'enable-api-fields', defaultLevel: 'stable', apiFieldsDescription: '', apiFieldsHistory: [],
  kinds: [{ group: 'widgets.example.dev', version: 'v1', kind: 'Widget', type: 'Widget', stability: 'stable' }],
  types: { Widget: {} }, features: [], flags: [], tombstones: [], aliases: [] }`;

describe('loadCatalogModule', () => {
  it('loads TypeScript from source on every run, with its relative imports, and never a stale copy', () => {
    const dir = tempDir({
      'src/name.ts': `export const NAME: string = 'widgets';\n`,
      'src/catalog.ts': `import type { Registry } from '@featuregates/gates';\nimport { NAME } from './name';\nconst catalog: Registry = { ...${BODY}, name: NAME };\nexport default catalog;\n`,
    });
    const file = join(dir, 'src/catalog.ts');
    expect(loadCatalogModule(file, 'c').registry.name).toBe('widgets');
    writeFileSync(join(dir, 'src/name.ts'), `export const NAME: string = 'gadgets';\n`);
    expect(loadCatalogModule(file, 'c')).toMatchObject({ registry: { name: 'gadgets' }, exportName: 'default' });
  });

  it('loads ESM, CommonJS and JSON; packages from node_modules load through Node', () => {
    const dir = tempDir({
      'esm.mjs': `import { load } from 'js-yaml';\nexport const widgets = { ...${BODY}, apiFieldsDescription: load('a: b').a };\nexport const other = 1;\n`,
      'cjs.cjs': `module.exports = ${BODY};\n`,
      'catalog.json': JSON.stringify({ name: 'widgets', apiFieldsKey: 'k', kinds: [], types: {}, features: [], flags: [] }),
    });
    // js-yaml resolves from the catalog's directory: link this repository's node_modules there.
    require('node:fs').symlinkSync(join(__dirname, '..', '..', '..', '..', 'node_modules'), join(dir, 'node_modules'), 'dir');
    expect(loadCatalogModule(join(dir, 'esm.mjs'), 'c')).toMatchObject({ exportName: 'widgets', registry: { apiFieldsDescription: 'b' } });
    expect(loadCatalogModule(join(dir, 'cjs.cjs'), 'c')).toMatchObject({ exportName: 'module.exports', registry: { name: 'widgets' } });
    // A JSON catalog may leave out history, tombstones and aliases, as the release tooling always allowed.
    expect(loadCatalogModule(join(dir, 'catalog.json'), 'c')).toMatchObject({ exportName: 'module.exports', registry: { apiFieldsKey: 'k', tombstones: [], defaultLevel: 'stable' } });
  });

  it('says what is wrong: a missing file, a syntax error at file:line, no catalog, a throwing module, bad JSON', () => {
    const dir = tempDir({
      'broken.ts': `export default {\n  name: 'x',,\n};\n`,
      'empty.ts': `export const answer = 42;\n`,
      'throws.ts': `throw new Error('no config here');\n`,
      'bad.json': '{ nope',
      'catalog.yaml': 'name: x',
    });
    expect(() => loadCatalogModule(join(dir, 'nope.ts'), '--catalog nope.ts')).toThrow('--catalog nope.ts: no such file');
    expect(() => loadCatalogModule(dir, '--catalog .')).toThrow('--catalog .: not a file; name the module that exports the catalog');
    expect(() => loadCatalogModule(join(dir, 'broken.ts'), '--catalog broken.ts')).toThrow(/^--catalog broken\.ts: cannot compile it: broken\.ts:2:13: Expected identifier but found ","/);
    expect(() => loadCatalogModule(join(dir, 'empty.ts'), 'c')).toThrow('c: no catalog among its exports (answer)');
    expect(() => loadCatalogModule(join(dir, 'throws.ts'), 'c')).toThrow('c: loading it threw: no config here');
    expect(() => loadCatalogModule(join(dir, 'bad.json'), 'c')).toThrow(/^c: not valid JSON: /);
    expect(() => loadCatalogModule(join(dir, 'catalog.yaml'), 'c')).toThrow('c: cannot load a ".yaml" file');
  });

  it('refuses a catalog that does not hold together', () => {
    const dir = tempDir({ 'c.ts': `export default { ...${BODY}, types: {} };\n` });
    expect(() => loadCatalogModule(join(dir, 'c.ts'), 'c')).toThrow(
      'c: catalog "widgets" has a problem; fix the catalog before it is loaded:\n  kind widgets.example.dev/v1 Widget: its type "Widget" is not in `types`: add it to `types` or fix the name',
    );
  });
});
