/**
 * How much longer one run over ten times the input takes: linear work gives about 10, quadratic
 * about 100. Each size's time is its fastest single run of `rounds`, the two sizes interleaved:
 * on a shared machine a run is often descheduled or meets a collection, and the fastest run is
 * the one that was not. Only the ratio is asserted, never a time.
 */
export function growthRatio(run: (size: number) => void, small: number, rounds = 15): number {
  const once = (size: number): number => {
    const start = process.hrtime.bigint();
    run(size);
    return Number(process.hrtime.bigint() - start);
  };
  run(small);
  run(small * 10);
  let fastestSmall = Infinity;
  let fastestLarge = Infinity;
  for (let round = 0; round < rounds; round++) {
    fastestSmall = Math.min(fastestSmall, once(small));
    fastestLarge = Math.min(fastestLarge, once(small * 10));
  }
  return fastestLarge / Math.max(fastestSmall, 1);
}

/** Inputs that make backtracking engines slow on typical patterns: long runs of word characters, spaces, separators and half-finished references. */
export function adversarialInputs(size: number): string[] {
  const fill = (unit: string): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return [fill('a'), fill(' '), fill('-'), fill('a:'), fill('$(steps.'), fill('$(tasks.x.'), fill('#!'), fill('\n')];
}
