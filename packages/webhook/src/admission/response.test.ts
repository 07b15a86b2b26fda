import { allow, capWarnings, deny, MAX_WARNINGS } from './response';

describe('admission responses', () => {
  it('clips each warning to 120 characters and caps their number with a count of the rest', () => {
    const many = Array.from({ length: 45 }, (_, i) => `spec.tasks[${i}].matrix: uses beta feature "matrix" ${'x'.repeat(i * 3)}`);
    const sent = capWarnings(many);
    expect(sent).toHaveLength(MAX_WARNINGS + 1);
    expect(sent.at(-1)).toBe('…and 25 more warnings');
    expect(Math.max(...sent.map((warning) => warning.length))).toBeLessThanOrEqual(120);
    expect(capWarnings(many.slice(0, MAX_WARNINGS))).toHaveLength(MAX_WARNINGS);
  });

  it('allows with warnings', () => {
    expect(allow('u', ['w'])).toEqual({ uid: 'u', allowed: true, warnings: ['w'] });
  });

  it('denies with one PATH: MESSAGE line per violation', () => {
    expect(deny('u', ['a: no', 'b: no'])).toEqual({ uid: 'u', allowed: false, status: { code: 400, reason: 'BadRequest', message: 'a: no\nb: no' }, warnings: [] });
  });
});
