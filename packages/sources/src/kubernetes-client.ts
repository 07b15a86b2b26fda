// The parts of @kubernetes/client-node the ConfigMap source uses. Loaded with a dynamic import, so
// a process that never reads a cluster never evaluates it, and bundles carry only these classes
// and what they reach rather than every generated API.
export { CoreV1Api, KubeConfig, ListWatch, Watch } from '@kubernetes/client-node';
