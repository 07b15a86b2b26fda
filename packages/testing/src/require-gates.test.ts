import { CatalogError, type Registry } from '@featuregates/gates';
// The gate model's small fixture catalogs (made-up projects), so these tests need no real catalog.
import { fixture, twoLevels } from '../../gates/src/test-support/fixture';
import { gateTesting, type JestGlobals } from './require-gates';

/** jest's globals, recording what gets declared instead of running it. */
function recordingGlobals(): { globals: JestGlobals; declared: { kind: string; name: string }[] } {
  const declared: { kind: string; name: string }[] = [];
  const testFn = (kind: string) => Object.assign((name: string) => declared.push({ kind, name }), { skip: (name: string) => declared.push({ kind: `${kind}.skip`, name }) });
  return { declared, globals: { it: testFn('it'), test: testFn('test'), describe: testFn('describe') } };
}

const running = <R extends Registry>(catalog: R, config: Record<string, string>) => {
  const { globals, declared } = recordingGlobals();
  return { declared, gates: gateTesting(catalog, { env: { FEATUREGATES_CONFIG: JSON.stringify(config) }, globals }) };
};

describe('gateTesting over any catalog', () => {
  it('refuses a broken catalog when the helpers are made, not when a test is skipped', () => {
    const broken: Registry = { ...fixture, kinds: [{ ...fixture.kinds[0], type: 'Wdget' }] };
    expect(() => gateTesting(broken, { env: {}, globals: recordingGlobals().globals })).toThrow(CatalogError);
    expect(() => gateTesting(broken, { env: {}, globals: recordingGlobals().globals })).toThrow('kind example.dev/v1 Widget: its type "Wdget" is not in `types`');
  });

  it('runs a test whose requirements the running config meets, and skips the others with the reason', () => {
    const { gates, declared } = running(fixture, { mode: 'b' });
    gates.requireGates({ mode: 'b' }).it('runs in b', () => undefined);
    gates.requireGates({ mode: 'c', size: 10 }).it('runs in c', () => undefined);
    gates.requireAnyGate({ mode: ['c', 'b'] }).test('runs in b or c', () => undefined);
    expect(declared).toEqual([
      { kind: 'it', name: 'runs in b' },
      { kind: 'it.skip', name: 'runs in c [skipped: requires mode=c, size=10; running mode=b, size=10]' },
      { kind: 'test', name: 'runs in b or c' },
    ]);
  });

  it('knows a two-level catalog\'s levels: its default, and no beta', () => {
    const { gates } = running(twoLevels, {});
    expect(gates.runningConfig().level).toBe('stable');
    expect(gates.requireGates({ 'enable-api-fields': 'stable' }).met).toBe(true);
    expect(running(twoLevels, { 'enable-api-fields': 'alpha' }).gates.requireGates({ 'enable-bundles': true }).met).toBe(true);
    expect(gates.requireGates({ 'enable-bundles': true }).met).toBe(false);
    expect(() => gates.requireGates({ 'enable-api-fields': 'beta' })).toThrow('"enable-api-fields": invalid value "beta": must be one of "stable" or "alpha"');
  });
});
