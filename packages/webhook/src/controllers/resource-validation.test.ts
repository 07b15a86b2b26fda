import { staticSource, type ConfigSource, type ConfigState } from '@featuregates/gates';
import { catalog } from '../test-support/catalog';
import { FAN_OUT_WIDGET, PLAIN_WIDGET, requestFor } from '../test-support/reviews';
import { resourceValidation } from './resource-validation';

const at = (level: string) => resourceValidation({ registry: catalog, source: staticSource(catalog, { 'enable-api-fields': level }), refreshBeforeDeny: false });

/** A source whose refresh() moves to the next of some data maps, counting calls. */
function steppingSource(...datas: Record<string, string>[]): ConfigSource & { refreshes: number } {
  const states: ConfigState[] = datas.map((data) => staticSource(catalog, data).state());
  let index = 0;
  const source = {
    refreshes: 0,
    state: () => states[index],
    onChange: () => () => undefined,
    refresh: async () => {
      source.refreshes++;
      index = Math.min(index + 1, states.length - 1);
      return states[index];
    },
    close: async () => undefined,
  };
  return source;
}

describe('resourceValidation', () => {
  it('denies a feature that is off, with PATH: MESSAGE, and allows a plain object', async () => {
    const denied = await at('stable').admit(requestFor(FAN_OUT_WIDGET));
    expect(denied.response).toMatchObject({ allowed: false, status: { code: 400, message: 'spec.parts[0].fanOut: fanOut requires "enable-api-fields" feature gate to be "alpha" or "beta" but it is "stable"' } });
    expect(denied.violations).toEqual([denied.response.status?.message]);
    expect(denied.uses).toEqual([expect.objectContaining({ feature: 'fan-out', decision: 'rejected' })]);
    expect((await at('stable').admit(requestFor(PLAIN_WIDGET))).response).toEqual({ uid: expect.any(String), allowed: true, warnings: [] });
  });

  it('allows a beta use that is on, with a warning', async () => {
    const { response } = await at('beta').admit(requestFor(FAN_OUT_WIDGET));
    expect(response).toMatchObject({ allowed: true, warnings: ['spec.parts[0].fanOut: uses beta feature "fan-out"'] });
  });

  it('ratchets an UPDATE that keeps an existing use', async () => {
    const updated = { ...FAN_OUT_WIDGET, metadata: { name: 'm', labels: { l: '1' } } };
    const { response } = await at('stable').admit(requestFor(updated, { operation: 'UPDATE', oldObject: FAN_OUT_WIDGET }));
    expect(response.allowed).toBe(true);
    expect(response.warnings[0]).toContain('kept existing beta feature');
  });

  it('never gates DELETE, CONNECT, status updates or unknown kinds', async () => {
    const controller = at('stable');
    for (const fields of [{ operation: 'DELETE' as const }, { operation: 'CONNECT' as const }, { operation: 'UPDATE' as const, subResource: 'status', oldObject: {} }]) {
      expect((await controller.admit(requestFor(FAN_OUT_WIDGET, fields))).response.allowed).toBe(true);
    }
    expect((await controller.admit(requestFor({ ...FAN_OUT_WIDGET, apiVersion: 'example.dev/v9' }))).response.allowed).toBe(true);
  });

  it('takes the kind from the request, not the object', async () => {
    const request = requestFor(FAN_OUT_WIDGET);
    request.kind = { group: 'example.com', version: 'v1', kind: 'Widget' };
    expect((await at('stable').admit(request)).response.allowed).toBe(true);
  });

  it('re-reads a cluster-backed source once before denying, and honours a change', async () => {
    const source = steppingSource({ 'enable-api-fields': 'stable' }, { 'enable-api-fields': 'beta' });
    const controller = resourceValidation({ registry: catalog, source, refreshBeforeDeny: true });
    expect((await controller.admit(requestFor(PLAIN_WIDGET))).response.allowed).toBe(true);
    expect(source.refreshes).toBe(0);
    expect((await controller.admit(requestFor(FAN_OUT_WIDGET))).response.allowed).toBe(true);
    expect(source.refreshes).toBe(1);
  });

  it('still denies when the re-read changes nothing or fails', async () => {
    const source = steppingSource({ 'enable-api-fields': 'stable' });
    const controller = resourceValidation({ registry: catalog, source, refreshBeforeDeny: true });
    expect((await controller.admit(requestFor(FAN_OUT_WIDGET))).response.allowed).toBe(false);
    source.refresh = async () => {
      throw new Error('unreachable');
    };
    expect((await controller.admit(requestFor(FAN_OUT_WIDGET))).response.allowed).toBe(false);
  });

  it('denies an object whose embedded specs nest past the limit instead of walking on, and never walks ungated nesting', async () => {
    // The test catalog's WidgetSpec embeds itself as `child`: one gated level, one path segment each.
    let spec: Record<string, unknown> = { parts: [{ name: 'leaf' }] };
    for (let i = 0; i < 200; i++) spec = { child: spec };
    const { response } = await at('alpha').admit(requestFor({ ...FAN_OUT_WIDGET, spec }));
    expect(response.allowed).toBe(false);
    // spec, then one segment a level: the first path past 128 segments.
    expect(response.status?.message).toBe(`spec${'.child'.repeat(128)}: nests deeper than 128 levels of gated fields, which the gate check does not walk, so the object is refused: embed fewer levels of specs`);
    spec = { parts: [{ name: 'leaf' }] };
    for (let i = 0; i < 100; i++) spec = { child: spec };
    expect((await at('alpha').admit(requestFor({ ...FAN_OUT_WIDGET, spec }))).response.allowed).toBe(true);
    let annotations: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) annotations = { deeper: annotations };
    expect((await at('stable').admit(requestFor({ ...PLAIN_WIDGET, metadata: { name: 'deep', annotations } }))).response.allowed).toBe(true);
  });

  it('denies gated kinds with 503 while no valid config was ever read, saying why', async () => {
    const controller = resourceValidation({ registry: catalog, source: staticSource(catalog, { 'enable-api-fields': 'betta' }), refreshBeforeDeny: false });
    const { response } = await controller.admit(requestFor(PLAIN_WIDGET));
    expect(response.status?.code).toBe(503);
    expect(response.status?.message).toContain('invalid value "betta"');
    expect((await controller.admit(requestFor(PLAIN_WIDGET, { operation: 'DELETE' }))).response.allowed).toBe(true);
  });
});
