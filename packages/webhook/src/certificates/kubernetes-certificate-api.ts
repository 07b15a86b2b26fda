import { ConflictError, statusOf, type CertificateApi, type SecretObject, type WebhookConfigurationObject } from './certificate-api';

export interface KubernetesTarget {
  namespace: string;
  secretName: string;
  webhookConfigurationName: string;
  /** A @kubernetes/client-node KubeConfig; the in-cluster config, or ~/.kube/config, when omitted. */
  kubeConfig?: object;
}

const conflictsBecome = async <T>(call: Promise<T>): Promise<T> => {
  try {
    return await call;
  } catch (error) {
    if (statusOf(error) === 409) throw new ConflictError((error as Error).message.split('\n')[0]);
    throw error;
  }
};

/** The CertificateApi over @kubernetes/client-node: get/create/update of one Secret, get/update of one ValidatingWebhookConfiguration. */
export async function kubernetesCertificateApi(target: KubernetesTarget): Promise<CertificateApi> {
  const client = await import('./kubernetes-client.js');
  let kubeConfig = target.kubeConfig as InstanceType<typeof client.KubeConfig> | undefined;
  if (!kubeConfig) {
    kubeConfig = new client.KubeConfig();
    kubeConfig.loadFromDefault();
  }
  const core = kubeConfig.makeApiClient(client.CoreV1Api);
  const admission = kubeConfig.makeApiClient(client.AdmissionregistrationV1Api);
  const { namespace, secretName: name } = target;
  return {
    readSecret: async () => {
      try {
        return (await core.readNamespacedSecret({ name, namespace })) as SecretObject;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    createSecret: (secret) => conflictsBecome(core.createNamespacedSecret({ namespace, body: secret as never }) as Promise<SecretObject>),
    replaceSecret: (secret) => conflictsBecome(core.replaceNamespacedSecret({ name, namespace, body: secret as never }) as Promise<SecretObject>),
    readWebhookConfiguration: async () => (await admission.readValidatingWebhookConfiguration({ name: target.webhookConfigurationName })) as WebhookConfigurationObject,
    replaceWebhookConfiguration: (configuration) =>
      conflictsBecome(admission.replaceValidatingWebhookConfiguration({ name: target.webhookConfigurationName, body: configuration as never }) as Promise<WebhookConfigurationObject>),
  };
}
