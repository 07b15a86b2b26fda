import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tektonCatalog } from '@featuregates/tekton';
import { loadAll } from 'js-yaml';
import { staticSource } from '@featuregates/gates';
import { configValidation } from './controllers/config-validation';
import { resourceValidation } from './controllers/resource-validation';

type Doc = { kind: string; metadata: { name: string }; [key: string]: unknown };
type Webhook = {
  name: string;
  failurePolicy: string;
  clientConfig: { service: { path: string } };
  rules: { apiGroups: string[]; apiVersions: string[]; resources: string[]; operations: string[] }[];
  namespaceSelector?: { matchLabels: Record<string, string> };
  objectSelector?: { matchLabels: Record<string, string> };
  matchConditions?: { expression: string }[];
};

const docs = loadAll(readFileSync(join(__dirname, '..', 'config', 'webhook.yaml'), 'utf8')) as Doc[];
const webhooks = (docs.find((doc) => doc.kind === 'ValidatingWebhookConfiguration') as unknown as { webhooks: Webhook[] }).webhooks;
const entry = (path: string) => webhooks.find((webhook) => webhook.clientConfig.service.path === path) as Webhook;
const paths = {
  resources: resourceValidation({ registry: tektonCatalog, source: staticSource(tektonCatalog), refreshBeforeDeny: false }).path,
  config: configValidation({ registry: tektonCatalog, configMapName: 'feature-flags' }).path,
};

describe('the webhook manifest', () => {
  it('has a ConfigMap entry that cannot deadlock the cluster (tektoncd/pipeline#4542)', () => {
    const config = entry(paths.config);
    expect(config.failurePolicy).toBe('Ignore');
    expect(config.rules).toEqual([expect.objectContaining({ apiGroups: [''], resources: ['configmaps'] })]);
    expect(config.namespaceSelector?.matchLabels).toEqual({ 'kubernetes.io/metadata.name': 'tekton-pipelines' });
    expect(config.objectSelector?.matchLabels).toBeDefined();
    expect(config.matchConditions).toEqual([expect.objectContaining({ expression: "object.metadata.name == 'feature-flags'" })]);
  });

  it('sends every kind and version of the catalog to the resources entry, without /status', () => {
    const resources = entry(paths.resources);
    expect(resources.failurePolicy).toBe('Fail');
    const [rule] = resources.rules;
    for (const kind of tektonCatalog.kinds) {
      expect(rule.apiGroups).toContain(kind.group);
      expect(rule.apiVersions).toContain(kind.version);
      expect(rule.resources).toContain(kind.kind.toLowerCase().replace(/y$/, 'ie') + 's');
    }
    expect(rule.resources.some((resource) => resource.includes('/'))).toBe(false);
    expect(rule.operations).toEqual(['CREATE', 'UPDATE']);
  });

  it('runs a pod that does not mount the feature-flags ConfigMap and may only read it', () => {
    const deployment = JSON.stringify(docs.find((doc) => doc.kind === 'Deployment'));
    expect(deployment).not.toContain('configMap');
    expect(deployment).toContain('--kubernetes');
    const role = docs.find((doc) => doc.kind === 'Role') as unknown as { rules: { resources: string[]; verbs: string[] }[] };
    for (const rule of role.rules) {
      expect(rule.resources).toEqual(['configmaps']);
      expect(rule.verbs.every((verb) => ['get', 'list', 'watch'].includes(verb))).toBe(true);
    }
  });
});
