import { PatternError, requiredLiterals, toRe2 } from './re2';
import { ownFlagDecides } from './test-support/fixtures';
import { expectCelMatchesAsTheModel } from './test-support/patterns';

// The fixture catalog's patterns, and patterns shaped like real catalogs' (Tekton's are checked in packages/bundles): a
// character class of Go's spaces with code points above Latin-1, and alternatives of groups with escapes.
const PATTERNS = [
  ...new Set(ownFlagDecides.features.flatMap((feature) => feature.uses.flatMap((use) => (use.match.kind === 'pattern' ? [use.match.pattern] : [])))),
  `^[\\t\\n\\v\\f\\r \\x85\\xA0\u1680\u2000-\u200a\u2028\u2029]*#!win`,
  '\\$\\(steps\\.([^.]+)\\.(?:inputs|outputs)\\.([^.)]+)\\)|\\$\\(step\\.artifacts\\.path\\)|\\$\\(artifacts\\.path\\)',
  '[\\w-]+:\\/\\/*',
  'a.b',
  '\\S+@\\S+',
  '[\\s\\S]x',
];

describe('catalog patterns in CEL', () => {
  test.each(PATTERNS)('%s: CEL matches where the gate model does, and every match holds a required literal', (pattern) => {
    expectCelMatchesAsTheModel(pattern);
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
