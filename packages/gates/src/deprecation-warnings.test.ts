import { evaluate } from './evaluate';
import { MAX_WARNING_LENGTH } from './messages';
import { parseConfig, type GateConfig } from './parse-config';
import type { Registry } from './registry';
import { widget } from './test-support/fixture';
import { lifecycle } from './test-support/lifecycle';

const configOf = (data: Record<string, string>, registry: Registry = lifecycle): GateConfig => {
  const parsed = parseConfig(registry, data, { ceiling: 'alpha' });
  if (!parsed.config) throw new Error(parsed.errors.map((error) => error.message).join('; '));
  return parsed.config;
};

const fanOut = (value: string) => ({ fanOut: { params: [{ name: 'x', value: [value] }] } });

describe('deprecated features in use', () => {
  it('warn with the notice and its removal date', () => {
    const result = evaluate(widget({ parts: [fanOut('1')] }), { config: configOf({ 'enable-api-fields': 'beta' }) });
    expect(result.warnings).toEqual(['spec.parts[0].fanOut: uses beta feature "fan-out"', 'spec.parts[0].fanOut: "fan-out" is deprecated: use spread instead; removal not before 2027-09-01']);
  });

  it('warn once per feature per object, however many uses it has', () => {
    const result = evaluate(widget({ parts: [fanOut('1'), fanOut('2')], child: { parts: [fanOut('3')] } }), { config: configOf({}) });
    expect(result.warnings.filter((warning) => warning.includes('deprecated:'))).toEqual(['spec.parts[0].fanOut: "fan-out" is deprecated: use spread instead; removal not before 2027-09-01']);
    expect(result.warnings.filter((warning) => warning.includes('uses beta feature'))).toHaveLength(3);
  });

  it('warn for a stable feature too, leaving the date out when none was announced', () => {
    const result = evaluate(widget({ inline: {} }), { config: configOf({}) });
    expect(result.allowed).toBe(true);
    expect(result.warnings).toEqual(['spec.inline: "inline" is deprecated: inline widgets go away']);
  });

  it('do not warn where the feature is off: the refusal says what to do', () => {
    const result = evaluate(widget({ parts: [fanOut('1')] }), { config: configOf({ 'enable-api-fields': 'stable' }) });
    expect(result.allowed).toBe(false);
    expect(result.warnings).toEqual([]);
  });

  it('drop the path rather than the date when the path would push the warning past 120 characters', () => {
    const deep = widget({ child: { child: { child: { child: { child: { child: { child: { parts: [fanOut('1')] } } } } } } } });
    const notice = evaluate(deep, { config: configOf({}) }).warnings.find((warning) => warning.includes('deprecated:'));
    expect(notice).toBe('"fan-out" is deprecated: use spread instead; removal not before 2027-09-01');
    expect((notice as string).length).toBeLessThanOrEqual(MAX_WARNING_LENGTH);
  });
});
