/**
 * How much longer `run` takes on the large input than on the small one, each timed as the best of
 * a few rounds after a warm-up so that a busy machine inflates neither side much. Linear work over
 * ten times the input gives about 10, quadratic about 100; tests assert only this ratio, never a time.
 */
export function growthRatio<T>(run: (input: T) => unknown, small: T, large: T, rounds = 5): number {
  const best = (input: T): number => {
    let fastest = Infinity;
    for (let round = 0; round < rounds; round++) {
      const start = process.hrtime.bigint();
      run(input);
      fastest = Math.min(fastest, Number(process.hrtime.bigint() - start));
    }
    return fastest;
  };
  run(small);
  return best(large) / Math.max(best(small), 1);
}
