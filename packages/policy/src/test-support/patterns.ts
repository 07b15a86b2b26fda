import fc from 'fast-check';
import { compilePattern } from '@featuregates/gates';
import { requiredLiterals, toRe2 } from '../re2';
import { compile } from './vap';

const matches = (re2: { all: string[]; none: string[] }, text: string): boolean =>
  re2.all.every((pattern) => compile(`t.matches(${JSON.stringify(pattern)})`)({ t: text } as never) === true) &&
  re2.none.every((pattern) => compile(`t.matches(${JSON.stringify(pattern)})`)({ t: text } as never) !== true);

// Text built from the pieces catalog patterns look for, and the characters where JavaScript and RE2 differ.
const text = fc
  .array(fc.constantFrom('$(', 'steps.', 'tasks.', 'outputs.', 'inputs.', 'x', ')', '.', 'step.artifacts.path', 'artifacts.path', '#!win', '#!magic', 'git', '://', '/', ' ', '\t', '\u000b', '\u00a0', '\u2028', '\ufeff', '\u0085', '\n', '\r', 'params', 'a', 'b', '@'), { maxLength: 8 })
  .map((parts) => parts.join(''));

/**
 * Asserts that a catalog pattern compiled to RE2 for CEL matches exactly where the gate model's
 * compiled pattern does, on drawn text, and that every match holds one of its required literals.
 */
export function expectCelMatchesAsTheModel(pattern: string): void {
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
}
