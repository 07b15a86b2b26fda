import { parseConfig } from '@featuregates/gates';
import { referenceCatalog } from '../catalog';
import type { ReferenceFlags } from '../flags';
import { createSnapshot } from '@featuregates/behaviors';

/** A snapshot of the reference catalog with these ConfigMap keys set. */
export function referenceFlags(data: Record<string, string> = {}): ReferenceFlags {
  const result = parseConfig(referenceCatalog, data);
  if (!result.config) throw new Error(result.errors.map((error) => error.message).join('; '));
  return createSnapshot(referenceCatalog, result.config);
}
