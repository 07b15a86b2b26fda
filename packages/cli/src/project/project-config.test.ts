import { join } from 'node:path';
import { tempDir, WIDGETS_CATALOG } from '../test-support/cli';
import { loadCatalogModule } from '../catalog/load-catalog-module';
import { findProjectConfig, parseProjectConfig } from './project-config';
import { projectFromFiles, releasePackageOf, staticProject } from './load-project';

describe('the "featuregates" field of package.json', () => {
  it('is found in the nearest package.json above the working directory that has one; its paths are relative to that file', () => {
    const dir = tempDir({
      'package.json': JSON.stringify({ name: 'root', featuregates: { catalog: 'src/catalog.ts', package: 'widgets-api', configMap: 'widget-flags', namespace: 'widgets-system' } }),
      'packages/app/package.json': JSON.stringify({ name: 'app' }),
    });
    expect(findProjectConfig(join(dir, 'packages/app'))).toEqual({
      file: join(dir, 'package.json'),
      root: dir,
      catalog: join(dir, 'src/catalog.ts'),
      package: 'widgets-api',
      configMap: 'widget-flags',
      namespace: 'widgets-system',
    });
    expect(findProjectConfig(tempDir({ 'package.json': '{"name": "none"}' }))).toBeUndefined();
  });

  it('says what is wrong with it', () => {
    expect(() => parseProjectConfig('src/catalog.ts', '/p/package.json')).toThrow('/p/package.json: "featuregates" must be an object, e.g. { "catalog": "src/catalog.ts" }');
    expect(() => parseProjectConfig({}, '/p/package.json')).toThrow('/p/package.json: "featuregates" names no catalog: add "catalog": "<path of the module that exports it>"');
    expect(() => parseProjectConfig({ catalog: 'c.ts', catalogue: 'x' }, '/p/package.json')).toThrow('/p/package.json: "featuregates" has an unknown field "catalogue": did you mean "catalog"?');
    expect(() => parseProjectConfig({ catalog: 'c.ts', namespace: 3 }, '/p/package.json')).toThrow('/p/package.json: "featuregates".namespace must be a non-empty string');
  });
});

describe('the project a command works with', () => {
  it('takes identity from the catalog, overridden by the field; --catalog ignores the field', () => {
    const dir = tempDir({ 'package.json': JSON.stringify({ name: 'widgets-operator', featuregates: { catalog: WIDGETS_CATALOG, namespace: 'staging' } }) });
    const source = projectFromFiles(dir, loadCatalogModule);
    expect(source(undefined).project).toMatchObject({ id: 'widgets', displayName: 'Widgets Operator', configMap: { name: 'widget-flags', namespace: 'staging' }, levels: ['alpha', 'stable'] });
    expect(source(WIDGETS_CATALOG).project.configMap).toEqual({ name: 'widget-flags', namespace: 'widgets-system' });
  });

  it('without a config or --catalog, says how to name one', () => {
    const source = projectFromFiles(tempDir(), loadCatalogModule);
    expect(() => source(undefined)).toThrow('no catalog: pass --catalog <module> (a .ts, .js or .json module exporting the catalog), or name it in your package.json: "featuregates": { "catalog": "src/catalog.ts" }');
  });

  it('names the catalog in errors by where it was configured', () => {
    const dir = tempDir({ 'package.json': JSON.stringify({ featuregates: { catalog: 'missing.ts' } }) });
    expect(() => projectFromFiles(dir, loadCatalogModule)(undefined)).toThrow('package.json: "featuregates".catalog missing.ts: no such file');
  });

  it('releases the package the field names, else the package whose sources hold the catalog', () => {
    const dir = tempDir({ 'package.json': JSON.stringify({ name: 'widgets-operator' }), 'src/catalog.json': JSON.stringify({ name: 'w', apiFieldsKey: 'k', kinds: [], types: {}, features: [], flags: [] }) });
    const source = projectFromFiles(join(dir, 'src'), loadCatalogModule);
    expect(releasePackageOf(source('catalog.json'))).toBe('widgets-operator');
    expect(releasePackageOf({ ...source('catalog.json'), settings: { package: 'widgets-api' } })).toBe('widgets-api');
  });

  it('is fixed in a bundle, which refuses --catalog rather than ignore it', () => {
    const catalog = loadCatalogModule(WIDGETS_CATALOG, 'c').registry;
    expect(staticProject(catalog)(undefined).registry).toBe(catalog);
    expect(() => staticProject(catalog)('other.ts')).toThrow('--catalog: this featuregates is built for the catalog "widgets"');
  });
});
