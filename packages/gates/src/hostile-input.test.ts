import { didYouMean } from './did-you-mean';
import { evaluate } from './evaluate';
import { CONFIG_KEY_ALPHABET, MAX_CONFIG_KEY_LENGTH, MAX_ECHOED_LENGTH, MAX_NESTING_DEPTH, MAX_UNKNOWN_KEYS_REPORTED } from './limits';
import { parseConfig } from './parse-config';
import type { Registry } from './registry';
import { requirements } from './requirements';
import { fixture, widget } from './test-support/fixture';
import { growthRatio } from './test-support/growth';

const longest = (issues: { key: string; message: string }[]): number => Math.max(0, ...issues.map((issue) => issue.key.length + issue.message.length));

describe('config parsing of hostile input', () => {
  it('refuses a key longer than Kubernetes allows at once, with no suggestion search, and echoes it clipped', () => {
    const key = `enable-api-fields${'x'.repeat(1_000_000)}`;
    const result = parseConfig(fixture, { [key]: 'alpha' });
    expect(result.config).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(/^invalid key "enable-api-fieldsx+…\(1000017 characters\)": a ConfigMap key is at most 253 characters/);
    expect(result.errors[0].message).not.toMatch(/did you mean/);
    expect(longest(result.errors)).toBeLessThan(2 * MAX_ECHOED_LENGTH + 300);
  });

  it('refuses a key outside the ConfigMap key alphabet without a suggestion', () => {
    for (const key of ['enable api fields', 'enable-api-fields/', 'énable-api-fields', '__proto__x!']) {
      expect(CONFIG_KEY_ALPHABET.test(key)).toBe(false);
      expect(parseConfig(fixture, { [key]: 'alpha' }).errors[0].message).toMatch(/^invalid key .*remove it$/);
    }
    expect(parseConfig(fixture, { ['a'.repeat(MAX_CONFIG_KEY_LENGTH)]: 'x' }).errors[0].message).toMatch(/^unknown key/);
  });

  it('reports the first unknown keys one by one and counts the rest', () => {
    const data: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) data[`unknown-key-${i}-${'k'.repeat(80)}`] = 'v';
    const result = parseConfig(fixture, data);
    expect(result.errors).toHaveLength(MAX_UNKNOWN_KEYS_REPORTED + 1);
    expect(result.errors[MAX_UNKNOWN_KEYS_REPORTED]).toEqual({ key: '', message: `…and ${10_000 - MAX_UNKNOWN_KEYS_REPORTED} more unknown keys` });
    expect(longest(result.errors)).toBeLessThan(2 * MAX_ECHOED_LENGTH + 300);
  });

  it('parses a config in time linear in its size, whatever its keys', () => {
    const junk = (count: number): Record<string, string> => {
      const data: Record<string, string> = {};
      for (let i = 0; i < count; i++) data[`enable-api-fields-${i}`] = 'x'.repeat(10);
      return data;
    };
    const inputs = new Map([2_000, 20_000].map((count) => [count, junk(count)]));
    expect(growthRatio((count) => parseConfig(fixture, inputs.get(count)), 2_000)).toBeLessThan(30);
  });

  it('echoes a huge value clipped', () => {
    for (const data of [{ mode: 'z'.repeat(5_000_000) }, { 'enable-api-fields': 'q'.repeat(5_000_000) }, { size: '9'.repeat(5_000_000) }]) {
      const result = parseConfig(fixture, data);
      expect(result.errors).toHaveLength(1);
      expect(longest(result.errors)).toBeLessThan(2 * MAX_ECHOED_LENGTH + 300);
    }
  });

  it('suggests nothing for a word longer than any key, and never aligns candidates too different in length', () => {
    expect(didYouMean('x'.repeat(MAX_CONFIG_KEY_LENGTH + 1), ['x'.repeat(MAX_CONFIG_KEY_LENGTH + 1)])).toBeUndefined();
    expect(didYouMean('enable-api-feilds', ['enable-api-fields', 'e'.repeat(200)])).toBe('enable-api-fields');
    expect(didYouMean('mode', ['m'.repeat(250), 'mdoe'])).toBe('mdoe');
  });
});

describe('one nesting limit', () => {
  const nesting: Registry = {
    ...fixture,
    features: [...fixture.features, { name: 'nesting', title: 'child', stability: 'alpha', description: 'nested', uses: [{ type: 'WidgetSpec', path: 'child', match: { kind: 'present' } }], history: [] }],
  };
  const alpha = parseConfig(nesting, { 'enable-api-fields': 'alpha' }).config!;
  const nested = (depth: number): unknown => {
    let spec: Record<string, unknown> = { turbo: true };
    for (let i = 0; i < depth; i++) spec = { child: spec };
    return widget(spec);
  };

  it('is what evaluate uses when given none, and what requirements reports', () => {
    expect(evaluate(nested(MAX_NESTING_DEPTH - 2), { config: alpha }).allowed).toBe(true);
    expect(requirements(nesting, nested(MAX_NESTING_DEPTH - 2)).tooDeep).toBeUndefined();
    const refused = evaluate(nested(MAX_NESTING_DEPTH + 5), { config: alpha });
    expect(refused.allowed).toBe(false);
    expect(refused.violations[0].message).toMatch(`nests deeper than ${MAX_NESTING_DEPTH} levels`);
    const needs = requirements(nesting, nested(MAX_NESTING_DEPTH + 5));
    expect(needs.tooDeep).toEqual({ path: refused.violations[0].path, message: refused.violations[0].message });
    expect(evaluate(nested(MAX_NESTING_DEPTH + 5), { config: alpha, maxDepth: Infinity }).allowed).toBe(true);
  });
});
