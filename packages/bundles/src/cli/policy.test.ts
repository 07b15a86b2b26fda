import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { cli } from '../test-support/cli';

type Manifest = { kind: string; metadata: { name: string }; spec: Record<string, unknown> };

describe('featuregates policy', () => {
  it('writes the policies and their bindings to --output, for the --variant asked', async () => {
    const result = await cli(['policy', '--variant', 'stable', '--output', 'policy.yaml']);
    expect(result.code).toBe(0);
    expect(result.out).toBe('wrote policy.yaml');
    const objects = loadAll(readFileSync(join(result.dir, 'policy.yaml'), 'utf8')) as Manifest[];
    // In the stable bundle nothing beta or alpha can be on, so there is no warning policy.
    expect(objects.map((object) => object.kind)).toEqual(['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']);
    expect(objects[1].spec).toEqual({
      policyName: 'tekton-pipelines-feature-gates',
      paramRef: { name: 'feature-flags', namespace: 'tekton-pipelines', parameterNotFoundAction: 'Deny' },
      validationActions: ['Deny'],
    });
  });

  it('prints to standard output without --output, and refuses a variant that is not a level', async () => {
    const printed = await cli(['policy', '--variant', 'alpha']);
    expect(printed.code).toBe(0);
    expect(printed.out).toMatch(/^# Tekton Pipelines feature gates as ValidatingAdmissionPolicies \(alpha bundle\)/);
    expect(printed.out).toContain('matrix requires \\"enable-api-fields\\" feature gate');
    const kinds = (loadAll(printed.out) as Manifest[]).map((object) => `${object.kind}/${object.metadata.name}`);
    expect(kinds).toEqual([
      'ValidatingAdmissionPolicy/tekton-pipelines-feature-gates',
      'ValidatingAdmissionPolicyBinding/tekton-pipelines-feature-gates',
      'ValidatingAdmissionPolicy/tekton-pipelines-feature-gate-warnings',
      'ValidatingAdmissionPolicyBinding/tekton-pipelines-feature-gate-warnings',
    ]);
    const bad = await cli(['policy', '--variant', 'gamma']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("argument 'gamma' is invalid");
  });
});
