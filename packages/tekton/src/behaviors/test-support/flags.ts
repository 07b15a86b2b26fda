import { parseConfig } from '@featuregates/gates';
import { createSnapshot } from '@featuregates/behaviors';
import { referenceCatalog } from '../catalog';
import { referenceFlagsOf, type ReferenceFlags } from '../flags';

/** The reference controller's view of a snapshot of the reference catalog with these ConfigMap keys set. */
export function referenceFlags(data: Record<string, string> = {}): ReferenceFlags {
  const result = parseConfig(referenceCatalog, data);
  if (!result.config) throw new Error(result.errors.map((error) => error.message).join('; '));
  return referenceFlagsOf(createSnapshot(referenceCatalog, result.config));
}
