import { buildPolicies } from './policies';
import { admit } from './test-support/vap';
import { overridesLevel } from './test-support/fixtures';

const FAN_OUT = { apiVersion: 'gizmos.dev/v1', kind: 'Gizmo', metadata: { name: 'm' }, spec: { parts: [{ name: 'a', fanOut: { params: [{ name: 'x', value: ['1'] }] } }] } };
const PLAIN = { apiVersion: 'gizmos.dev/v1', kind: 'Plain', metadata: { name: 'plain' }, spec: {} };
const gizmoKind = { group: 'gizmos.dev', version: 'v1', kind: 'Gizmo' };
const plainKind = { group: 'gizmos.dev', version: 'v1', kind: 'Plain' };

describe('what the policies read from the ConfigMap', () => {
  const alpha = buildPolicies(overridesLevel, { variant: 'alpha' });

  test('a ConfigMap without data is every default: fan-out (beta) is on under the default level, and warned about', () => {
    const decision = admit(alpha, { object: FAN_OUT, operation: 'CREATE', kind: gizmoKind, params: {} });
    expect(decision).toMatchObject({ allowed: true, errors: [] });
    expect(decision.warnings).toEqual([expect.stringMatching(/^spec\.parts\[\*\]\.fanOut\b.*: uses beta feature "fan-out"$/)]);
  });

  test('a refused use is named by its path pattern, in the webhook\'s words', () => {
    const decision = admit(alpha, { object: FAN_OUT, operation: 'CREATE', kind: gizmoKind, params: { data: { 'enable-api-fields': 'Stable' } } });
    expect(decision.allowed).toBe(false);
    expect(decision.messages).toEqual(['spec.parts[*].fanOut, spec.extras[*].fanOut: fanOut is a beta feature and is off: set "enable-api-fields" to "beta" or "alpha" in ConfigMap gizmo-system/gizmo-flags']);
  });

  test('a level the model would refuse refuses the uses it decides, with the model\'s message, and nothing else', () => {
    const data = { 'enable-api-fields': 'bogus' };
    const refused = admit(alpha, { object: FAN_OUT, operation: 'CREATE', kind: gizmoKind, params: { data } });
    expect(refused.allowed).toBe(false);
    expect(refused.messages[0]).toBe('spec.parts[*].fanOut, spec.extras[*].fanOut: "enable-api-fields": invalid value "bogus": must be one of "stable", "beta" or "alpha"');
    expect(admit(alpha, { object: PLAIN, operation: 'CREATE', kind: plainKind, params: { data } }).allowed).toBe(true);
  });

  test('the bundle ceiling is compiled in: the beta policies refuse "alpha" as the level, as the beta bundle does', () => {
    const beta = buildPolicies(overridesLevel, { variant: 'beta' });
    const decision = admit(beta, { object: FAN_OUT, operation: 'CREATE', kind: gizmoKind, params: { data: { 'enable-api-fields': 'alpha' } } });
    expect(decision.allowed).toBe(false);
    expect(decision.messages[0]).toContain('"enable-api-fields" is "alpha", but this is the beta bundle');
  });

  test('a misspelt alias applies to its key when the key is absent', () => {
    const set = buildPolicies(overridesLevel, { variant: 'alpha' });
    const widget = { apiVersion: 'gizmos.dev/v1', kind: 'Gizmo', metadata: { name: 'g' }, spec: { parts: [{ params: [{ enum: ['a'] }] }] } };
    const kind = { group: 'gizmos.dev', version: 'v1', kind: 'Gizmo' };
    expect(admit(set, { object: widget, operation: 'CREATE', kind, params: { data: { 'enabel-enum': 'true' } } }).allowed).toBe(true);
    expect(admit(set, { object: widget, operation: 'CREATE', kind, params: { data: { 'enabel-enum': 'true', 'enable-enum': 'false' } } }).allowed).toBe(false);
  });
});
