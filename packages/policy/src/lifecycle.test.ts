import { lifecycle, lifecycleKubernetes } from '../../gates/src/test-support/lifecycle';
import { STABILITIES } from '@featuregates/gates';
import { buildPolicies } from './policies';
import { admit } from './test-support/vap';

const kind = { group: 'example.dev', version: 'v1', kind: 'Widget' };
const widget = (spec: unknown) => ({ apiVersion: 'example.dev/v1', kind: 'Widget', metadata: { name: 'w' }, spec });
const fanOut = { fanOut: { params: [{ name: 'x', value: ['1'] }] } };

describe('policies for lifecycle entries', () => {
  test.each(STABILITIES)('the %s policies refuse a removed feature\'s field at every level, in the gate model\'s words', (variant) => {
    const set = buildPolicies(lifecycle, { variant });
    for (const level of STABILITIES.filter((entry) => STABILITIES.indexOf(entry) >= STABILITIES.indexOf(variant))) {
      const decision = admit(set, { object: widget({ warp: { to: 'east' } }), operation: 'CREATE', kind, params: { data: { 'enable-api-fields': level, 'enable-warp': 'true' } } });
      expect(decision).toMatchObject({ allowed: false, errors: [] });
      expect(decision.messages).toEqual(['spec.warp: warp was removed in v3: it never worked across clusters; use turbo instead']);
    }
  });

  test('they ratchet a removed feature on UPDATE as the gate model does', () => {
    const set = buildPolicies(lifecycleKubernetes, { variant: 'alpha' });
    const old = widget({ warp: 1 });
    expect(admit(set, { object: widget({ warp: 1 }), oldObject: old, operation: 'UPDATE', kind, params: {} }).allowed).toBe(true);
    const refused = admit(set, { object: widget({ warp: 2 }), oldObject: old, operation: 'UPDATE', kind, params: {} });
    expect(refused.messages[0]).toContain('removed in v3: it never worked across clusters');
  });

  test('they warn once per deprecated feature in use, with the notice and its removal date, stable features included', () => {
    const set = buildPolicies(lifecycle, { variant: 'alpha' });
    const decision = admit(set, { object: widget({ parts: [fanOut, fanOut], inline: {} }), operation: 'CREATE', kind, params: {} });
    expect(decision).toMatchObject({ allowed: true, errors: [] });
    expect(decision.warnings).toEqual([
      'spec.inline: "inline" is deprecated: inline widgets go away',
      'spec.parts[*].fanOut: uses beta feature "fan-out"',
      'spec.parts[*].fanOut: "fan-out" is deprecated: use spread instead; removal not before 2027-09-01',
    ]);
  });
});
