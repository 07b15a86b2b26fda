import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { ValidatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { ConfigMap, Namespace, Service, ServiceAccount } from 'kubernetes-models/v1';
import { configMapYaml, releaseManifest, variantNamed as variantOf, variantsOf } from '@featuregates/cli';
import { parseConfig, projectOf } from '@featuregates/gates';
import { tektonCatalog } from '@featuregates/tekton';

// Tekton's release.yaml, as `featuregates bundle` writes it into dist/bundles/<variant>/.
const tekton = projectOf(tektonCatalog);
const VARIANTS = variantsOf(tekton, tektonCatalog.defaultLevel);
const variantNamed = (name: string) => variantOf(tekton, tektonCatalog.defaultLevel, name);

type Container = { image: string; securityContext: object; readinessProbe: { httpGet: { path: string } }; livenessProbe: { httpGet: { path: string } }; resources: { requests?: object; limits?: object } };
type WebhookEntry = { rules: { resources: string[] }[] } & Record<string, unknown>;
type K8sObject = { apiVersion: string; kind: string; metadata: { name: string }; [key: string]: unknown };

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  Namespace,
  ServiceAccount,
  Role,
  RoleBinding,
  ClusterRole,
  ClusterRoleBinding,
  ConfigMap,
  Deployment,
  PodDisruptionBudget,
  Service,
  ValidatingWebhookConfiguration,
};

const objectsOf = (variant: string, image?: string): K8sObject[] => {
  const objects: K8sObject[] = [];
  loadAll(releaseManifest(tektonCatalog, tekton, variantNamed(variant), { version: '0.1.0', ...(image ? { image } : {}) }), (object) => objects.push(object as K8sObject), { schema: CORE_SCHEMA });
  return objects;
};
const find = (objects: K8sObject[], kind: string) => objects.find((object) => object.kind === kind) as K8sObject & Record<string, never>;

describe.each(VARIANTS.map((variant) => variant.name))('release.yaml of the %s bundle', (variant) => {
  const objects = objectsOf(variant);

  it('holds exactly the objects an install needs, each valid against the Kubernetes schemas', () => {
    expect(objects.map((object) => object.kind)).toEqual([
      'Namespace', 'ServiceAccount', 'Role', 'RoleBinding', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'ConfigMap', 'Deployment', 'PodDisruptionBudget', 'Service', 'ValidatingWebhookConfiguration',
    ]);
    for (const object of objects) {
      const Model = MODELS[object.kind];
      expect(() => new Model(object as never).validate()).not.toThrow();
    }
  });

  it('lets the webhook read only its one ConfigMap', () => {
    const role = find(objects, 'Role') as unknown as { rules: unknown[] };
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['feature-flags'], verbs: ['get', 'list', 'watch'] }]);
  });

  it('lets the webhook keep only its own Secret and ValidatingWebhookConfiguration, by name, and create Secrets only in its namespace', () => {
    const rules = (kind: string) => objects.filter((object) => object.kind === kind).flatMap((object) => (object as unknown as { rules: unknown[] }).rules);
    expect(rules('Role')).toEqual([
      { apiGroups: [''], resources: ['configmaps'], resourceNames: ['feature-flags'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['featuregates-webhook-tls'], verbs: ['get', 'update'] },
      { apiGroups: [''], resources: ['secrets'], verbs: ['create'] },
    ]);
    expect(rules('ClusterRole')).toEqual([{ apiGroups: ['admissionregistration.k8s.io'], resources: ['validatingwebhookconfigurations'], resourceNames: ['featuregates-tekton-pipelines'], verbs: ['get', 'update'] }]);
    const bindings = objects.filter((object) => object.kind.endsWith('Binding')) as unknown as { subjects: unknown[] }[];
    for (const binding of bindings) expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'featuregates-webhook', namespace: 'tekton-pipelines' }]);
  });

  it('needs no certificate step: no Secret to make, no CA to paste, no cert-manager, only the image to set', () => {
    const text = releaseManifest(tektonCatalog, tekton, variantNamed(variant), { version: '0.1.0' });
    expect(objects.some((object) => object.kind === 'Secret')).toBe(false);
    expect(text).not.toMatch(/cert-manager|--tls-cert|secretName|Put the base64 CA/);
    expect(text).toContain('# TLS:      nothing to do.');
    const config = find(objects, 'ValidatingWebhookConfiguration') as unknown as { webhooks: WebhookEntry[] };
    expect(config.webhooks.map((webhook) => (webhook.clientConfig as { caBundle: string }).caBundle)).toEqual(['', '']);
    const container = (find(objects, 'Deployment') as unknown as { spec: { template: { spec: { containers: { args: string[] }[] } } } }).spec.template.spec.containers[0];
    expect(container.args).toEqual(['--kubernetes', '--namespace', 'tekton-pipelines', '--configmap', 'feature-flags', '--webhook-configuration', 'featuregates-tekton-pipelines', '--port', '8443']);
    // Another image is the one edit an installer makes, and the result is as valid.
    const edited = objectsOf(variant, 'registry.example.com/featuregates/webhook:0.1.0');
    for (const object of edited) expect(() => new MODELS[object.kind](object as never).validate()).not.toThrow();
    expect(JSON.stringify(edited).replace('registry.example.com/featuregates/webhook:0.1.0', `featuregates/webhook:0.1.0-${variant}`)).toBe(JSON.stringify(objects));
  });

  it('runs two hardened replicas with probes and resource limits', () => {
    const deployment = find(objects, 'Deployment') as unknown as { spec: { replicas: number; template: { spec: { securityContext: Record<string, unknown>; containers: Container[] } } } };
    expect(deployment.spec.replicas).toBe(2);
    const pod = deployment.spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    const [container] = pod.containers;
    expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.resources.requests).toBeDefined();
    expect(container.resources.limits).toBeDefined();
    expect(container.image).toBe(`featuregates/webhook:0.1.0-${variant}`);
    expect(find(objects, 'PodDisruptionBudget')).toMatchObject({ spec: { minAvailable: 1 } });
  });

  it('installs into Tekton\'s namespace and reads its feature-flags ConfigMap there', () => {
    for (const object of objects.filter((entry) => entry.kind !== 'Namespace')) expect((object.metadata as { namespace?: string }).namespace ?? 'tekton-pipelines').toBe('tekton-pipelines');
    expect(find(objects, 'Namespace').metadata.name).toBe('tekton-pipelines');
    expect(find(objects, 'ConfigMap').metadata.name).toBe('feature-flags');
    const deployment = find(objects, 'Deployment') as unknown as { spec: { template: { spec: { containers: { args: string[] }[] } } } };
    expect(deployment.spec.template.spec.containers[0].args.join(' ')).toContain('--kubernetes --namespace tekton-pipelines --configmap feature-flags');
  });

  it('fails closed for Tekton kinds and open for its own ConfigMap, with room for the CA bundle', () => {
    const config = find(objects, 'ValidatingWebhookConfiguration') as unknown as { webhooks: WebhookEntry[] };
    const [tekton, configMap] = config.webhooks;
    expect(tekton).toMatchObject({ failurePolicy: 'Fail', sideEffects: 'None', timeoutSeconds: 5, admissionReviewVersions: ['v1'], clientConfig: { caBundle: '', service: { name: 'featuregates-webhook', path: '/validate' } } });
    expect(tekton.rules[0]).toMatchObject({ apiGroups: ['tekton.dev'], apiVersions: ['v1', 'v1beta1', 'v1alpha1'], operations: ['CREATE', 'UPDATE'] });
    expect(tekton.rules[0].resources).toEqual(expect.arrayContaining(['tasks', 'pipelines', 'taskruns', 'pipelineruns', 'stepactions', 'verificationpolicies']));
    expect(configMap).toMatchObject({ failurePolicy: 'Ignore', namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'tekton-pipelines' } }, matchConditions: [{ name: 'only-feature-flags' }], clientConfig: { service: { path: '/validate/config' } } });
    // Nothing the writer of the ConfigMap chooses decides whether it is validated.
    expect(configMap).not.toHaveProperty('objectSelector');
    expect(configMap.matchConditions).toEqual([{ name: 'only-feature-flags', expression: "(request.operation == 'DELETE' ? oldObject : object).metadata.name == 'feature-flags'" }]);
  });

  it("ships a ConfigMap that loads cleanly in this bundle, at the catalog's default lowered to the ceiling", () => {
    const data = (find(objects, 'ConfigMap') as unknown as { data: Record<string, string> }).data;
    const result = parseConfig(tektonCatalog, data, { ceiling: variant as 'stable' });
    expect(result.errors).toEqual([]);
    expect(result.config?.level).toBe(variant === 'alpha' ? 'beta' : variant);
  });
});

describe('the ConfigMap text', () => {
  it('has a comment above every key', () => {
    const lines = configMapYaml(tektonCatalog, tekton, variantNamed('stable'), 'featuregates').split('\n');
    const dataStart = lines.indexOf('data:');
    lines.slice(dataStart + 1).forEach((line, i, rest) => {
      if (/^ {2}[a-z-]+: /.test(line)) expect(rest[i - 1]).toMatch(/^ {2}#/);
    });
  });

  it('says which values the variant refuses', () => {
    const stable = configMapYaml(tektonCatalog, tekton, variantNamed('stable'), 'featuregates');
    expect(stable).toContain('pipelineruns, isolate-pipelinerun: not in the stable bundle');
    expect(stable).toContain('# enable-param-enum: "true"    # alpha feature param-enum: not in the stable bundle');
    expect(configMapYaml(tektonCatalog, tekton, variantNamed('alpha'), 'featuregates')).not.toContain('not in the alpha bundle');
  });

  it("says that Tekton's own flags each decide alone (own-flag-decides, TEP-0138)", () => {
    const alpha = configMapYaml(tektonCatalog, tekton, variantNamed('alpha'), 'featuregates');
    expect(alpha).toContain('# Own flags of single features: each alone decides its feature (rule own-flag-decides');
    expect(alpha).not.toContain('Unset, enable-api-fields decides');
  });
});
