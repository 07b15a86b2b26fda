import type { ApiFeature, Registry, RootKind } from './registry';

export interface GatedPath {
  kind: RootKind;
  /** A YAML path with `[]` for "every element", e.g. `spec.tasks[].matrix`. */
  path: string;
  title: string;
}

function join(prefix: string, path: string): string {
  return prefix ? `${prefix}.${path}` : path;
}

/**
 * Where a feature can appear, per kind: every path from a kind's root through the type graph to
 * each of the feature's uses. A type already on the current route is not entered again, so
 * recursive embeddings (pipelines in pipelines) are listed once.
 */
export function gatedPaths(registry: Registry, feature: ApiFeature): GatedPath[] {
  const paths: GatedPath[] = [];
  for (const kind of registry.kinds) {
    const queue: { type: string; prefix: string; route: readonly string[] }[] = [{ type: kind.type, prefix: '', route: [kind.type] }];
    while (queue.length > 0) {
      const { type, prefix, route } = queue.shift() as (typeof queue)[number];
      for (const use of feature.uses) {
        if (use.type === type) paths.push({ kind, path: join(prefix, use.path), title: use.title ?? feature.title });
      }
      for (const [field, target] of Object.entries(registry.types[type] ?? {})) {
        if (!route.includes(target)) queue.push({ type: target, prefix: join(prefix, field), route: [...route, target] });
      }
    }
  }
  return paths;
}

export function kindLabel(kind: RootKind): string {
  return `${kind.group ? `${kind.group}/` : ''}${kind.version} ${kind.kind}`;
}
