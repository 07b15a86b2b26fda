// The parts of @kubernetes/client-node the certificate manager uses, loaded with a dynamic import
// so a webhook that serves certificate files never evaluates it.
export { AdmissionregistrationV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
