/**
 * A `KubeConfig` of @kubernetes/client-node, named by a few of its methods rather than by its class:
 * that package is ESM-only, and a CommonJS consumer's compiler cannot read our declarations if they
 * import its types (TS1541). Pass a real `KubeConfig`; the source uses it as one.
 */
export interface KubeConfigLike {
  getCurrentContext(): string;
  getCurrentCluster(): { readonly server: string } | null;
  makeApiClient(apiClientType: never): unknown;
}
