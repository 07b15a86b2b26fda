/**
 * How much longer a run over ten times the input takes: linear work gives about 10, quadratic
 * about 100. Each size is timed as the best of several rounds so that a busy machine inflates
 * neither side much; only the ratio is asserted, never a time.
 */
export function growthRatio(run: (size: number) => void, small: number, rounds = 5): number {
  const best = (size: number): number => {
    let fastest = Infinity;
    for (let round = 0; round < rounds; round++) {
      const start = process.hrtime.bigint();
      run(size);
      fastest = Math.min(fastest, Number(process.hrtime.bigint() - start));
    }
    return fastest;
  };
  run(small); // warm up the code paths before either side is timed
  return best(small * 10) / Math.max(best(small), 1);
}

/** Inputs that make backtracking engines slow on typical patterns: long runs of word characters, spaces, separators and half-finished references. */
export function adversarialInputs(size: number): string[] {
  const fill = (unit: string): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return [fill('a'), fill(' '), fill('-'), fill('a:'), fill('$(steps.'), fill('$(tasks.x.'), fill('#!'), fill('\n')];
}
