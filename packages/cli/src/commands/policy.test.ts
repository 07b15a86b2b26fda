import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { cli } from '../test-support/cli';

type Manifest = { kind: string; metadata: { name: string }; spec: Record<string, unknown> };

describe('featuregates policy, for the project\'s catalog', () => {
  it('writes the policies and their bindings to --output, bound to the project\'s ConfigMap', async () => {
    const result = await cli(['policy', '--variant', 'stable', '--output', 'policy.yaml']);
    expect(result.code).toBe(0);
    expect(result.out).toBe('wrote policy.yaml');
    const objects = loadAll(readFileSync(join(result.dir, 'policy.yaml'), 'utf8')) as Manifest[];
    // In the stable bundle nothing alpha can be on, so there is no warning policy.
    expect(objects.map((object) => object.kind)).toEqual(['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']);
    expect(objects[1].spec).toEqual({
      policyName: 'widgets-feature-gates',
      paramRef: { name: 'widget-flags', namespace: 'widgets-system', parameterNotFoundAction: 'Deny' },
      validationActions: ['Deny'],
    });
  });

  it('prints to standard output without --output, and refuses a variant that is not one of the catalog\'s levels', async () => {
    const printed = await cli(['policy', '--variant', 'alpha']);
    expect(printed.code).toBe(0);
    expect(printed.out).toMatch(/^# Widgets Operator feature gates as ValidatingAdmissionPolicies \(alpha bundle\)/);
    expect(printed.out).toContain('gear ratio');
    const kinds = (loadAll(printed.out) as Manifest[]).map((object) => `${object.kind}/${object.metadata.name}`);
    expect(kinds).toEqual([
      'ValidatingAdmissionPolicy/widgets-feature-gates',
      'ValidatingAdmissionPolicyBinding/widgets-feature-gates',
      'ValidatingAdmissionPolicy/widgets-feature-gate-warnings',
      'ValidatingAdmissionPolicyBinding/widgets-feature-gate-warnings',
    ]);
    const undeclared = await cli(['policy', '--variant', 'beta']);
    expect(undeclared.code).toBe(2);
    expect(undeclared.err).toContain('--variant beta: catalog "widgets" declares the levels alpha, stable; choose one of them');
    const bad = await cli(['policy', '--variant', 'gamma']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("argument 'gamma' is invalid");
  });
});
