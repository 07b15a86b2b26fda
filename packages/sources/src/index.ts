export { fileSource, type FileConfigSource, type FileSourceOptions } from './file-source';
export type { KubeConfigLike } from './kube-config';
export { configMapSource, type ConfigMapConfigSource, type ConfigMapSourceOptions, type SourceEvent } from './configmap-source';
export { configDataOf, parseConfigText, type ConfigDocument } from './config-document';
export { watchFile, type FileWatch, type WatchFileOptions } from './watch-file';
export { backoffDelay, type BackoffOptions } from './backoff';
export { refusedState } from './refused-state';
