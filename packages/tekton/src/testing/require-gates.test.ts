import type { Registry } from '@featuregates/gates';
import { tektonCatalog } from '../catalog';
import { gateTesting, type JestGlobals } from '@featuregates/testing';

interface Declared {
  kind: string;
  name: string;
}

/** jest's globals, recording what gets declared instead of running it. */
function recordingGlobals(): { globals: JestGlobals; declared: Declared[] } {
  const declared: Declared[] = [];
  const testFn = (kind: string) => Object.assign((name: string) => declared.push({ kind, name }), { skip: (name: string) => declared.push({ kind: `${kind}.skip`, name }) });
  return { declared, globals: { it: testFn('it'), test: testFn('test'), describe: testFn('describe') } };
}

const running = (config: Record<string, string>) => {
  const { globals, declared } = recordingGlobals();
  return { declared, gates: gateTesting(tektonCatalog, { env: { FEATUREGATES_CONFIG: JSON.stringify(config) }, globals }) };
};

describe('requireGates', () => {
  it('declares the test when the running config has every required value', () => {
    const { gates, declared } = running({ coschedule: 'pipelineruns', 'enable-api-fields': 'alpha' });
    gates.requireGates({ coschedule: 'pipelineruns', 'enable-api-fields': 'alpha' }).it('keeps the pod', () => undefined);
    expect(declared).toEqual([{ kind: 'it', name: 'keeps the pod' }]);
  });

  it('skips with the reason in the test\'s name when one value differs', () => {
    const { gates, declared } = running({ coschedule: 'pipelineruns' });
    const gated = gates.requireGates({ coschedule: 'pipelineruns', 'enable-api-fields': 'alpha' });
    gated.test('keeps the pod', () => undefined);
    gated.describe('cancellation', () => undefined);
    expect(gated.met).toBe(false);
    expect(declared).toEqual([
      { kind: 'test.skip', name: 'keeps the pod [skipped: requires coschedule=pipelineruns, enable-api-fields=alpha; running coschedule=pipelineruns, enable-api-fields=beta]' },
      { kind: 'describe.skip', name: 'cancellation [skipped: requires coschedule=pipelineruns, enable-api-fields=alpha; running coschedule=pipelineruns, enable-api-fields=beta]' },
    ]);
  });

  it("matches effective values: an unset own flag keeps Tekton's default (false) even under alpha, and defaults count", () => {
    // Tekton's catalog is own-flag-decides (TEP-0138, pkg/apis/config/feature_flags.go `setPerFeatureFlag`).
    const { gates } = running({ 'enable-api-fields': 'alpha' });
    expect(gates.requireGates({ 'enable-param-enum': false, 'await-sidecar-readiness': true }).met).toBe(true);
    expect(gates.requireGates({ 'enable-param-enum': true }).met).toBe(false);
    expect(running({ 'enable-api-fields': 'stable', 'enable-param-enum': 'true' }).gates.requireGates({ 'enable-param-enum': true }).met).toBe(true);
    expect(gates.requireGates({ 'enable-api-fields': ['beta', 'alpha'] }).met).toBe(true);
    expect(gates.requireGates({ 'enable-api-fields': 'stable' }).reason).toBe('requires enable-api-fields=stable; running enable-api-fields=alpha');
  });

  it('compares list flags as whole lists', () => {
    const { gates } = running({ 'disable-inline-spec': 'taskrun' });
    expect(gates.requireGates({ 'disable-inline-spec': ['taskrun'] }).met).toBe(true);
    expect(gates.requireGates({ 'disable-inline-spec': [] }).met).toBe(false);
  });

  it('fails loudly on a misspelt key, with a did-you-mean — the typo that once hid in Tekton\'s own skip list', () => {
    const { gates } = running({});
    // @ts-expect-error a misspelt key does not compile over Tekton's typed catalog
    expect(() => gates.requireGates({ 'keep-pod-enabled-cancel': true })).toThrow('requireGates: unknown key "keep-pod-enabled-cancel": did you mean "keep-pod-on-cancel"?');
  });

  it('fails loudly on a value the flag cannot take, suggesting the near one', () => {
    const { gates } = running({});
    // @ts-expect-error not one of coschedule's values
    expect(() => gates.requireGates({ coschedule: 'pipelinerun' })).toThrow('requireGates: invalid value "pipelinerun" for "coschedule": want one of "workspaces", "pipelineruns", "isolate-pipelinerun" or "disabled": did you mean "pipelineruns"?');
    // @ts-expect-error not a level
    expect(() => gates.requireGates({ 'enable-api-fields': 'betta' })).toThrow('did you mean "beta"?');
  });

  it('fails loudly on removed and misspelt keys, and on no keys at all, over an untyped catalog too', () => {
    const untyped = gateTesting(tektonCatalog as Registry, { env: {}, globals: recordingGlobals().globals });
    expect(() => untyped.requireGates({ 'disable-affinity-assistant': true })).toThrow('"disable-affinity-assistant" was removed in v1.0.0');
    expect(() => untyped.requireGates({ 'enforce-nonfalsifiablity': 'spire' })).toThrow('require "enforce-nonfalsifiability"');
    expect(() => untyped.requireGates({ 'keep-pod-enabled-cancel': true })).toThrow('did you mean "keep-pod-on-cancel"?');
    expect(() => untyped.requireGates({})).toThrow('requireGates: name at least one key');
  });

  it('checks requirements even when the running config would skip them anyway', () => {
    const { gates } = running({ 'enable-api-fields': 'stable' });
    expect(() => gates.requireGates({ 'enable-api-fields': 'alpha', 'enable-param-enums': true } as never)).toThrow('did you mean "enable-param-enum"?');
  });
});

describe('requireAnyGate', () => {
  it('runs when any one requirement is met, and says which were wanted when none is', () => {
    const { gates, declared } = running({ 'enable-api-fields': 'stable', 'enable-param-enum': 'true' });
    gates.requireAnyGate({ 'enable-api-fields': 'alpha', 'enable-param-enum': true }).it('uses enum params', () => undefined);
    const none = gates.requireAnyGate({ 'enable-api-fields': 'alpha', 'enable-artifacts': true });
    none.it('uses artifacts', () => undefined);
    expect(declared[0]).toEqual({ kind: 'it', name: 'uses enum params' });
    expect(declared[1].name).toBe('uses artifacts [skipped: requires enable-api-fields=alpha or enable-artifacts=true; running enable-api-fields=stable, enable-artifacts=false]');
  });

  it('fails loudly on a typo too', () => {
    // @ts-expect-error misspelt
    expect(() => running({}).gates.requireAnyGate({ 'keep-pod-enabled-cancel': true })).toThrow('requireAnyGate: unknown key');
  });
});

describe('the running config', () => {
  it('must be valid: a bad FEATUREGATES_CONFIG fails the suite instead of running it under defaults', () => {
    const { gates } = running({ coschedule: 'sometimes' });
    expect(() => gates.requireGates({ coschedule: 'disabled' })).toThrow('FEATUREGATES_CONFIG is not a valid feature-flags config: invalid value "sometimes" for "coschedule"');
  });

  it('is the defaults when FEATUREGATES_CONFIG is unset', () => {
    const gates = gateTesting(tektonCatalog, { env: {}, globals: recordingGlobals().globals });
    expect(gates.runningConfig().level).toBe('beta');
    expect(gates.requireGates({ coschedule: 'workspaces' }).met).toBe(true);
  });
});
