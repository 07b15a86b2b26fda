import type { Alias, Tombstone } from '@featuregates/gates';

export const TOMBSTONES: readonly Tombstone[] = [{ key: 'old-glue', firstShipped: 'v0.1.0', lastShipped: 'v0.9.0', removedIn: 'v1.0.0', note: 'glue is always on' }];

export const ALIASES: readonly Alias[] = [];
