import { compilePattern } from './pattern';
import { fixture } from './test-support/fixture';
import { validateCatalog } from './validate-catalog';
import { adversarialInputs, growthRatio } from './test-support/growth';

const compiled = (pattern: string, flags?: string) => {
  const result = compilePattern(pattern, flags);
  if (!result.ok) throw new Error(result.message);
  return result.test;
};

describe('compilePattern', () => {
  it('matches with RE2 (Go) semantics, unanchored unless anchored', () => {
    const concise = compiled('[\\w-]+:\\/\\/*');
    expect(concise('git:https://x')).toBe(true);
    expect(concise('my-task')).toBe(false);
    expect(compiled('^\\s*#!win')('  #!win\r\n')).toBe(true);
    expect(compiled('\\pL+$')('é')).toBe(true);
  });

  it('maps the i, m and s flags and refuses the others with the ones it takes', () => {
    expect(compiled('^abc$', 'i')('ABC')).toBe(true);
    expect(compiled('^b$', 'm')('a\nb\nc')).toBe(true);
    expect(compiled('^b$')('a\nb\nc')).toBe(false);
    expect(compiled('a.b', 's')('a\nb')).toBe(true);
    expect(compiled('a.b')('a\nb')).toBe(false);
    for (const flag of ['g', 'y', 'u', 'x', 'constructor']) {
      const result = compilePattern('a', flag);
      expect(result).toMatchObject({ ok: false, message: expect.stringContaining('is not supported: patterns run on RE2') });
      if (!result.ok) expect(result.message).toContain('"i", "m" or "s"');
    }
  });

  it('refuses what RE2 cannot run in linear time, saying how to rewrite it', () => {
    for (const pattern of ['^(?!\\$\\(params)', '(a)\\1', '(?<=a)b', '(']) {
      const result = compilePattern(pattern);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/RE2/);
    }
  });

  it('makes validateCatalog refuse a pattern or flag the engine cannot run', () => {
    for (const match of [{ kind: 'pattern' as const, pattern: '^(?!\\$\\(params)' }, { kind: 'pattern' as const, pattern: 'magic', flags: 'g' }]) {
      const catalog = { ...fixture, features: fixture.features.map((feature) => (feature.name === 'magic' ? { ...feature, uses: [{ type: 'Part', path: 'script', match }] } : feature)) };
      expect(validateCatalog(catalog).map((problem) => problem.message)).toEqual([expect.stringMatching(/does not compile .*RE2/)]);
    }
  });

  it('takes time linear in the text for every fixture pattern on adversarial inputs of 10k and 100k characters', () => {
    const patterns = fixture.features.flatMap((feature) =>
      feature.uses.flatMap((use) => (use.match?.kind === 'pattern' ? [use.match] : [])),
    );
    patterns.push({ kind: 'pattern', pattern: '[\\w-]+:\\/\\/*' }, { kind: 'pattern', pattern: '(a+)+$' }, { kind: 'pattern', pattern: '(\\s|\\S)*#' });
    expect(patterns.length).toBeGreaterThan(3);
    for (const matcher of patterns) {
      const test = compiled(matcher.pattern, matcher.flags);
      for (let which = 0; which < adversarialInputs(1).length; which++) {
        const texts = new Map([10_000, 100_000].map((size) => [size, adversarialInputs(size)[which]]));
        const ratio = growthRatio((size) => test(texts.get(size)!), 10_000);
        expect({ pattern: matcher.pattern, input: which, linear: ratio < 30 }).toEqual({ pattern: matcher.pattern, input: which, linear: true });
      }
    }
  });
});
