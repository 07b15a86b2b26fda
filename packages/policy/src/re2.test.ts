import fc from 'fast-check';
import { compilePattern } from '@featuregates/gates';
import { tektonCatalog } from '@featuregates/tekton';
import { PatternError, requiredLiterals, toRe2 } from './re2';
import { compile } from './test-support/vap';

const matches = (re2: { all: string[]; none: string[] }, text: string): boolean =>
  re2.all.every((pattern) => compile(`t.matches(${JSON.stringify(pattern)})`)({ t: text } as never) === true) &&
  re2.none.every((pattern) => compile(`t.matches(${JSON.stringify(pattern)})`)({ t: text } as never) !== true);

const PATTERNS = [
  ...new Set(tektonCatalog.features.flatMap((feature) => feature.uses.flatMap((use) => (use.match.kind === 'pattern' ? [use.match.pattern] : [])))),
  '^\\s*#!magic',
  '^(?:[^$]|\\$[^(]|\\$\\([^p])',
  'a.b',
  '\\S+@\\S+',
  '[\\s\\S]x',
];
// Text built from the pieces the patterns look for, and the characters where JavaScript and RE2 differ.
const text = fc
  .array(fc.constantFrom('$(', 'steps.', 'tasks.', 'outputs.', 'inputs.', 'x', ')', '.', 'step.artifacts.path', 'artifacts.path', '#!win', '#!magic', 'git', '://', '/', ' ', '\t', '\u000b', '\u00a0', '\u2028', '\ufeff', '\u0085', '\n', '\r', 'params', 'a', 'b', '@'), { maxLength: 8 })
  .map((parts) => parts.join(''));

describe('catalog patterns in CEL', () => {
  test.each(PATTERNS)('%s: CEL matches where the gate model does, and every match holds a required literal', (pattern) => {
    const re2 = toRe2(pattern);
    const js = compilePattern(pattern);
    if (!js.ok) throw new Error(js.message);
    const literals = requiredLiterals(pattern);
    fc.assert(
      fc.property(text, (input) => {
        const expected = js.test(input);
        expect(matches(re2, input)).toBe(expected);
        if (expected && literals) expect(literals.some((literal) => input.includes(literal))).toBe(true);
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  test('the literals a Tekton artifact reference needs are found, and a pattern without one has none', () => {
    expect(requiredLiterals('\\$\\(tasks\\.([^.]+)\\.(?:inputs|outputs)\\.([^.)]+)\\)')).toEqual(['$(tasks.']);
    expect(requiredLiterals('[\\w-]+:\\/\\/*')).toEqual([':/']);
    expect(requiredLiterals('^(?:[^$]|\\$[^(])')).toBeUndefined();
    expect(requiredLiterals('#!win', 'i')).toBeUndefined();
    expect(requiredLiterals('(?i)#!win')).toBeUndefined();
  });

  test('a pattern the gate model refuses is refused with its reason; flags become RE2 flag groups', () => {
    expect(() => toRe2('(?<=a)b')).toThrow(PatternError);
    expect(() => toRe2('(a)\\1')).toThrow(PatternError);
    expect(() => toRe2('a', 'g')).toThrow(PatternError);
    expect(toRe2('#!WIN', 'i').all).toEqual(['(?i)#!WIN']);
  });
});
