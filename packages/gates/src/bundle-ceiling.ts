import type {} from './compile-time';
import type { Stability } from './stability';

/** The ceiling compiled into this build: `alpha` (no limit) outside a variant bundle. */
export const BUILD_CEILING: Stability = typeof __FEATUREGATES_CEILING__ === 'undefined' ? 'alpha' : __FEATUREGATES_CEILING__;
