import { compilePattern } from '@featuregates/gates';
import { tektonCatalog } from './catalog';
import { growthRatio } from './test-support/growth';

const patterns = [...new Map(
  tektonCatalog.features.flatMap((feature) => feature.uses.flatMap((use) => (use.match.kind === 'pattern' ? [[use.match.pattern, use.match] as const] : []))),
).values()];

const compiled = (pattern: string, flags?: string) => {
  const result = compilePattern(pattern, flags);
  if (!result.ok) throw new Error(`${pattern}: ${result.message}`);
  return result.test;
};

const fill = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const UNITS = ['a', '-', 'a:', ' ', '\n', '#!', '$(steps.', '$(steps.a.outputs.', '$(tasks.x.', '$(params', '$('];

describe('Tekton catalog patterns', () => {
  it('all compile on the linear engine', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(4);
    for (const matcher of patterns) expect(compilePattern(matcher.pattern, matcher.flags)).toMatchObject({ ok: true });
  });

  it('take time linear in the text on adversarial inputs of 10k and 100k characters', () => {
    for (const matcher of patterns) {
      const test = compiled(matcher.pattern, matcher.flags);
      for (const unit of UNITS) {
        const ratio = growthRatio(test, fill(unit, 10_000), fill(unit, 100_000));
        expect({ pattern: matcher.pattern, unit, linear: ratio < 30 }).toEqual({ pattern: matcher.pattern, unit, linear: true });
      }
    }
  });

  it('gate a pipeline task onError unless it is a $(params…) reference, as the lookahead did', () => {
    const onError = tektonCatalog.features.find((feature) => feature.name === 'pipeline-task-on-error')!.uses[0].match;
    if (onError.kind !== 'pattern') throw new Error('onError is gated by a pattern');
    const test = compiled(onError.pattern);
    for (const gated of ['continue', 'stopAndFail', '$', '$(', '$(param', '$(paramz', '$(tasks.a)', 'x$(params.a)', '\n']) expect([gated, test(gated)]).toEqual([gated, true]);
    for (const free of ['', '$(params.mode)', '$(params']) expect([free, test(free)]).toEqual([free, false]);
  });
});
