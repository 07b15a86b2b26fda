/**
 * `__FEATUREGATES_CEILING__` is replaced by esbuild's `define` when a variant bundle is built
 * ("stable", "beta" or "alpha") and undeclared everywhere else, so `typeof` finds "undefined".
 * Guards written as `typeof __FEATUREGATES_CEILING__ === 'undefined' || __FEATUREGATES_CEILING__ !== 'stable'`
 * fold to a constant in a bundle and let esbuild drop the code behind them; a guard kept in a
 * local variable or behind a function call does not fold, so write it inline.
 */
declare global {
  const __FEATUREGATES_CEILING__: 'stable' | 'beta' | 'alpha' | undefined;
}

export {};
