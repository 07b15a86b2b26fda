import type { Snapshot } from '@featuregates/behaviors';
import type { ReferenceCatalog } from './catalog';

/** The flags the reference consumer reads: a snapshot of the reference catalog. */
export type ReferenceFlags = Snapshot<ReferenceCatalog>;
