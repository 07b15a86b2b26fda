import type { Stability } from './stability';

// Replaced by esbuild's `define` when a bundle is built; absent (no ceiling) everywhere else.
declare const __FEATUREGATES_CEILING__: Stability | undefined;

/** The ceiling compiled into this build: `alpha` (no limit) outside a variant bundle. */
export const BUILD_CEILING: Stability = typeof __FEATUREGATES_CEILING__ === 'undefined' ? 'alpha' : __FEATUREGATES_CEILING__;
