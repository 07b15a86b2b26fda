import { isKnownKind, kindOf, type Registry } from '@featuregates/gates';
import type { ManifestObject } from './manifests';
import { objectLabel } from './manifests';

/** What `--unknown-kinds` asks for; `auto` (the default) is `error` in the catalog's own API groups, `ignore` elsewhere. */
export type UnknownKindsPolicy = 'auto' | 'ignore' | 'warn' | 'error';
export const UNKNOWN_KINDS_CHOICES = ['ignore', 'warn', 'error'] as const;

export interface UnknownKind {
  file: string;
  index: number;
  object: string;
  apiVersion: string;
  kind: string;
  /** The object's API group is one the catalog gates kinds in. */
  inCatalogGroup: boolean;
  decision: 'ignore' | 'warn' | 'error';
  message: string;
}

function describe(registry: Registry, apiVersion: string, kind: string, group: string | undefined, inCatalogGroup: boolean): string {
  const what = `${apiVersion || '<no apiVersion>'} ${kind || '<no kind>'}`;
  if (!inCatalogGroup) return `${what} is not a kind of the catalog "${registry.name}"`;
  const known = registry.kinds.filter((entry) => entry.group === group).map((entry) => `${entry.group}/${entry.version} ${entry.kind}`);
  return `${what} is not a kind of the catalog "${registry.name}", though its group is (it knows ${known.join(', ')}): is the catalog missing it, or is the apiVersion wrong?`;
}

/** The objects whose kind the catalog does not know, each with what the policy makes of it. */
export function unknownKinds(registry: Registry, manifests: readonly ManifestObject[], policy: UnknownKindsPolicy): UnknownKind[] {
  const groups = new Set(registry.kinds.map((entry) => entry.group));
  const found: UnknownKind[] = [];
  for (const manifest of manifests) {
    const gvk = kindOf(manifest.object);
    if (gvk && isKnownKind(registry, gvk)) continue;
    const record = (typeof manifest.object === 'object' && manifest.object !== null ? manifest.object : {}) as { apiVersion?: unknown; kind?: unknown };
    const apiVersion = typeof record.apiVersion === 'string' ? record.apiVersion : '';
    const kind = typeof record.kind === 'string' ? record.kind : '';
    const inCatalogGroup = gvk !== undefined && groups.has(gvk.group);
    const decision = policy === 'auto' ? (inCatalogGroup ? 'error' : 'ignore') : policy;
    found.push({
      file: manifest.file,
      index: manifest.index,
      object: objectLabel(manifest.object),
      apiVersion,
      kind,
      inCatalogGroup,
      decision,
      message: describe(registry, apiVersion, kind, gvk?.group, inCatalogGroup),
    });
  }
  return found;
}

/** `FILE: Kind/name: error|warning: …` lines for the unknown kinds the policy does not ignore. */
export function unknownKindLines(found: readonly UnknownKind[]): string[] {
  return found
    .filter((entry) => entry.decision !== 'ignore')
    .map((entry) => `${entry.file}: ${entry.object}: ${entry.decision === 'error' ? 'error' : 'warning'}: ${entry.message}${entry.decision === 'error' ? ' (--unknown-kinds=ignore or warn lets it pass)' : ''}`);
}

/** `, 2 of kinds the catalog does not know (1 an error)` for a summary line, or nothing. */
export function unknownKindsSummary(found: readonly UnknownKind[]): string {
  if (found.length === 0) return '';
  const errors = found.filter((entry) => entry.decision === 'error').length;
  return `, ${found.length} of kinds the catalog does not know${errors > 0 ? ` (${errors} an error)` : ''}`;
}

export const hasUnknownKindErrors = (found: readonly UnknownKind[]): boolean => found.some((entry) => entry.decision === 'error');
