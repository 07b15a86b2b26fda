/** The names the webhook's self-managed certificates live under; `featuregates serve` defaults to the same. */
export interface CertificateNames {
  namespace: string;
  serviceAccount: string;
  secret: string;
  webhookConfiguration: string;
}

/**
 * Least privilege for self-managed certificates: get and update of the one Secret and the one
 * ValidatingWebhookConfiguration, by name; create of Secrets in the webhook's own namespace
 * only (Kubernetes cannot limit create by name), for the first start and a deleted Secret.
 */
export function certificateRbacObjects(names: CertificateNames, labels: Record<string, string>): Record<string, unknown>[] {
  const role = `${names.serviceAccount}-certificates`;
  const subjects = [{ kind: 'ServiceAccount', name: names.serviceAccount, namespace: names.namespace }];
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: role, namespace: names.namespace, labels },
      rules: [
        { apiGroups: [''], resources: ['secrets'], resourceNames: [names.secret], verbs: ['get', 'update'] },
        { apiGroups: [''], resources: ['secrets'], verbs: ['create'] },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: role, namespace: names.namespace, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
      subjects,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: role, labels },
      rules: [{ apiGroups: ['admissionregistration.k8s.io'], resources: ['validatingwebhookconfigurations'], resourceNames: [names.webhookConfiguration], verbs: ['get', 'update'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: role, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
      subjects,
    },
  ];
}
