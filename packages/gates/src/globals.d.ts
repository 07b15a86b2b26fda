/**
 * Replaced by esbuild's `define` when a variant bundle is built ("stable", "beta" or "alpha");
 * undeclared everywhere else, so `typeof` finds "undefined". Guards written as
 * `typeof __FEATUREGATES_CEILING__ === 'undefined' || __FEATUREGATES_CEILING__ !== 'stable'`
 * fold to a constant in a bundle and let esbuild drop the code behind them.
 */
declare const __FEATUREGATES_CEILING__: 'stable' | 'beta' | 'alpha' | undefined;
