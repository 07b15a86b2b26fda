import { dump } from 'js-yaml';
import { formatValue, levelAdmits, moreStable, ownFlagRuleText, settingStability, webhookConfigurationName, type BehaviorFlag, type DefaultChange, type Project, type Registry } from '@featuregates/gates';
import { certificateRbacObjects } from './certificate-rbac';
import type { Variant } from './variants';

export interface ManifestOptions {
  version: string;
  /** Where the webhook and its ConfigMap go: the project's namespace unless given. */
  namespace?: string;
  image?: string;
}

const PART_OF = { 'app.kubernetes.io/part-of': 'featuregates' };
const APP = { 'app.kubernetes.io/name': 'featuregates-webhook', ...PART_OF };
const namespaceOf = (project: Project, options: { namespace?: string }) => options.namespace ?? project.configMap.namespace;

function plural(kind: string): string {
  const lower = kind.toLowerCase();
  return lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`;
}

function comment(text: string, indent: string): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length > 92) {
      lines.push(`${indent}# ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`${indent}# ${line}`);
  return lines;
}

const quoted = (value: string): string => JSON.stringify(value);

function flagLines(flag: BehaviorFlag, variant: Variant): string[] {
  const lines = comment(flag.description, '  ');
  const changeable = (flag.values ?? (flag.type === 'bool' ? ['true', 'false'] : [])).filter((value) => levelAdmits(variant.name, settingStability(flag, value)));
  if (flag.type === 'bool' || flag.type === 'enum') {
    const refused = (flag.type === 'bool' ? ['true', 'false'] : (flag.values ?? [])).filter((value) => !changeable.includes(value));
    lines.push(...comment(`Values: ${changeable.join(', ')}${refused.length > 0 ? ` (${refused.join(', ')}: not in the ${variant.name} bundle)` : ''}.`, '  '));
  } else if (flag.values) {
    lines.push(...comment(`A comma-separated subset of: ${flag.values.join(', ')}.`, '  '));
  }
  // A deprecated key set here would warn every cluster that installs the bundle about a key it never chose.
  if (flag.deprecated) {
    const { since, message, removalNotBefore } = flag.deprecated;
    lines.push(...comment(`Deprecated since ${since}: ${message}${removalNotBefore ? `; removal not before ${removalNotBefore}` : ''}. Left unset: setting it warns.`, '  '));
  }
  const change = flag.defaultChange;
  const changing = change !== undefined && formatValue(change.to) !== formatValue(flag.default);
  if (change && changing) lines.push(...announced(formatValue(change.to), change));
  lines.push(`  ${flag.deprecated || changing ? '# ' : ''}${flag.key}: ${quoted(formatValue(flag.default))}`);
  return lines;
}

/**
 * An announced default change leaves its key unset in the shipped ConfigMap: set there, every
 * cluster would have pinned the old default without choosing, never hear of the flip, and lose it
 * silently on the upgrade that applies the new file. Unset, the webhook warns until someone chooses.
 */
function announced(to: string, change: DefaultChange<unknown>): string[] {
  const when = change.flipNotBefore ? ` (not before ${change.flipNotBefore})` : '';
  const why = /[.!?]$/.test(change.message) ? change.message : `${change.message}.`;
  return comment(`The default becomes ${quoted(to)}${when}: ${why} Left unset so that the webhook warns until you choose: uncomment to pin the current default, or set ${quoted(to)} now.`, '  ');
}

/** The project's feature-flags ConfigMap with this variant's defaults and a comment on every key. */
export function configMapYaml(registry: Registry, project: Project, variant: Variant, namespace: string): string {
  const level = moreStable(registry.defaultLevel, variant.name);
  const lines = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: ${project.configMap.name}`,
    `  namespace: ${namespace}`,
    '  labels:',
    ...Object.entries(PART_OF).map(([key, value]) => `    ${key}: ${value}`),
    'data:',
    ...comment(registry.apiFieldsDescription, '  '),
    ...comment(`The ${variant.name} bundle allows ${[...project.levels].reverse().filter((l) => levelAdmits(variant.name, l)).join(', ')}.`, '  '),
  ];
  const levelChange = registry.levelDefaultChange;
  if (levelChange && moreStable(levelChange.to, variant.name) !== level) {
    lines.push(...announced(moreStable(levelChange.to, variant.name), levelChange), `  # ${registry.apiFieldsKey}: ${quoted(level)}`);
  } else lines.push(`  ${registry.apiFieldsKey}: ${quoted(level)}`);
  for (const flag of registry.flags) {
    if (flag.feature) continue;
    lines.push(...flagLines(flag, variant));
  }
  const ownFlags = registry.flags.filter((flag) => flag.feature);
  if (ownFlags.length > 0) {
    lines.push(
      ...comment(
        project.ownFlagRule === 'own-flag-decides'
          ? `Own flags of single features: each alone decides its feature (${ownFlagRuleText('own-flag-decides', registry.apiFieldsKey)}). Uncomment to use.`
          : `Own flags of single features. Unset, ${registry.apiFieldsKey} decides; set, the flag decides (true turns one feature on, false keeps it off even under alpha). Uncomment to use.`,
        '  ',
      ),
    );
    for (const flag of ownFlags) {
      const feature = registry.features.find((entry) => entry.name === flag.feature);
      const allowed = feature ? levelAdmits(variant.name, feature.stability) : true;
      lines.push(`  # ${flag.key}: "true"    # ${feature?.stability ?? ''} feature ${flag.feature}${allowed ? '' : `: not in the ${variant.name} bundle`}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** One rule per API group the catalog gates kinds in: its versions and the plurals of its kinds. */
function webhookRules(registry: Registry) {
  const groups = [...new Set(registry.kinds.map((kind) => kind.group))];
  return groups.map((group) => {
    const kinds = registry.kinds.filter((kind) => kind.group === group);
    return {
      apiGroups: [group],
      apiVersions: [...new Set(kinds.map((kind) => kind.version))],
      operations: ['CREATE', 'UPDATE'],
      resources: [...new Set(kinds.map((kind) => plural(kind.kind)))],
      scope: '*',
    };
  });
}

/** Every object `kubectl apply -f` needs, but the ConfigMap, as plain data. */
export function releaseObjects(registry: Registry, project: Project, variant: Variant, options: ManifestOptions): Record<string, unknown>[] {
  const namespace = namespaceOf(project, options);
  const configMap = project.configMap.name;
  const image = options.image ?? `featuregates/webhook:${options.version}-${variant.name}`;
  const name = 'featuregates-webhook';
  const webhookConfiguration = webhookConfigurationName(project);
  const meta = (objectName: string) => ({ name: objectName, namespace, labels: APP });
  const service = { name, namespace, path: '/validate', port: 443 };
  const restricted = {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: { ...PART_OF, 'pod-security.kubernetes.io/enforce': 'restricted' } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(name) },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: meta(`${name}-feature-flags`),
      rules: [{ apiGroups: [''], resources: ['configmaps'], resourceNames: [configMap], verbs: ['get', 'list', 'watch'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: meta(`${name}-feature-flags`),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${name}-feature-flags` },
      subjects: [{ kind: 'ServiceAccount', name, namespace }],
    },
    // No Secret is shipped: the webhook creates featuregates-webhook-tls itself (see the header).
    ...certificateRbacObjects({ namespace, serviceAccount: name, secret: `${name}-tls`, webhookConfiguration }, APP),
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(name),
      spec: {
        replicas: 2,
        selector: { matchLabels: APP },
        template: {
          metadata: { labels: { ...APP, 'featuregates.dev/bundle': variant.name } },
          spec: {
            serviceAccountName: name,
            // SIGTERM drains in-flight reviews within 10 s.
            terminationGracePeriodSeconds: 15,
            securityContext: { runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } },
            affinity: {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: APP } } },
                ],
              },
            },
            containers: [
              {
                name: 'webhook',
                image,
                // With --kubernetes and no --tls-cert, serve manages its certificates in the Secret featuregates-webhook-tls.
                args: ['--kubernetes', '--namespace', namespace, '--configmap', configMap, '--webhook-configuration', webhookConfiguration, '--port', '8443'],
                ports: [{ name: 'https', containerPort: 8443 }],
                readinessProbe: { httpGet: { path: '/readyz', port: 'https', scheme: 'HTTPS' }, periodSeconds: 5 },
                livenessProbe: { httpGet: { path: '/healthz', port: 'https', scheme: 'HTTPS' }, periodSeconds: 10, failureThreshold: 3 },
                resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
                securityContext: restricted,
              },
            ],
          },
        },
      },
    },
    { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta(name), spec: { minAvailable: 1, selector: { matchLabels: APP } } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(name),
      spec: { selector: APP, ports: [{ name: 'https', port: 443, targetPort: 'https' }] },
    },
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      // Both caBundle fields ship empty: the webhook fills them with its CA and keeps them so.
      metadata: { name: webhookConfiguration, labels: PART_OF },
      webhooks: [
        {
          name: 'validation.featuregates.dev',
          admissionReviewVersions: ['v1'],
          sideEffects: 'None',
          timeoutSeconds: 5,
          failurePolicy: 'Fail',
          matchPolicy: 'Exact',
          rules: webhookRules(registry),
          clientConfig: { service, caBundle: '' },
        },
        {
          name: 'config.featuregates.dev',
          admissionReviewVersions: ['v1'],
          sideEffects: 'None',
          timeoutSeconds: 5,
          failurePolicy: 'Ignore',
          rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['configmaps'], scope: 'Namespaced' }],
          // Selected by what the API server sets, never by a label the writer must remember: the
          // namespace's kubernetes.io/metadata.name label and the object's name (on a DELETE only
          // oldObject is set, so the condition reads whichever the operation has).
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
          matchConditions: [{ name: 'only-feature-flags', expression: `(request.operation == 'DELETE' ? oldObject : object).metadata.name == '${configMap}'` }],
          clientConfig: { service: { ...service, path: '/validate/config' }, caBundle: '' },
        },
      ],
    },
  ];
}

const HEADER = (project: Project, variant: Variant, options: ManifestOptions) => `# featuregates ${options.version}, ${project.displayName}, ${variant.name} bundle: ${variant.summary}
#
# Install:  kubectl apply -f release.yaml
# TLS:      nothing to do. The webhook makes its own CA and serving certificate, keeps them in the Secret
#           featuregates-webhook-tls in namespace ${namespaceOf(project, options)} (created at first start, so not
#           shipped here), fills both caBundle fields below (shipped empty) and rotates before expiry.
# Deadlock: the ${project.displayName} entry fails closed (failurePolicy: Fail) so no gated field slips through
#           while the webhook is down. The ConfigMap entry fails open (failurePolicy: Ignore) so that a cluster
#           whose webhook is down (even because of its config) can always fix that config; a bad config
#           written meanwhile is refused again when the webhook reads it, and it keeps the last good one.
#           That entry matches every way of writing the ConfigMap (kubectl create, the project's own manifest):
#           it selects by namespace (kubernetes.io/metadata.name) and name (${project.configMap.name}), not by a label.
`;

/** Everything `kubectl apply -f` needs to run a variant's webhook for a project, as one YAML stream. */
export function releaseManifest(registry: Registry, project: Project, variant: Variant, options: ManifestOptions): string {
  const objects = releaseObjects(registry, project, variant, options);
  const rendered = objects.map((object) => dump(object, { noRefs: true, lineWidth: 120, quotingType: '"' }));
  // The ConfigMap goes after the RBAC objects, before the Deployment that reads it.
  rendered.splice(objects.findIndex((object) => object.kind === 'Deployment'), 0, configMapYaml(registry, project, variant, namespaceOf(project, options)));
  return HEADER(project, variant, options) + rendered.map((text) => `---\n${text}`).join('');
}
