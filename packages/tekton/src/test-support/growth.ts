/**
 * How much longer one run on the large input takes than on the small one: linear work over ten
 * times the input gives about 10, quadratic about 100; tests assert only this ratio, never a time.
 * Each side's time is its fastest single run of `rounds`, the two interleaved: on a shared machine
 * a run is often descheduled or meets a collection, and the fastest run is the one that was not.
 */
export function growthRatio<T>(run: (input: T) => unknown, small: T, large: T, rounds = 15): number {
  const once = (input: T): number => {
    const start = process.hrtime.bigint();
    run(input);
    return Number(process.hrtime.bigint() - start);
  };
  run(small);
  run(large);
  let fastestSmall = Infinity;
  let fastestLarge = Infinity;
  for (let round = 0; round < rounds; round++) {
    fastestSmall = Math.min(fastestSmall, once(small));
    fastestLarge = Math.min(fastestLarge, once(large));
  }
  return fastestLarge / Math.max(fastestSmall, 1);
}
