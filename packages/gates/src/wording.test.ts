import { evaluate } from './evaluate';
import { voiceOf } from './messages';
import { parseConfig, type GateConfig } from './parse-config';
import type { Registry } from './registry';
import type { Stability } from './stability';
import { fixture, widget } from './test-support/fixture';

/** The fixture as a catalog that does not choose a wording: it gets the generic, Kubernetes-like one. */
const generic: Registry = { ...fixture, wording: undefined, displayName: 'Widgets', configMap: { name: 'widget-flags', namespace: 'widget-system' } };
const config = (data: Record<string, string>, ceiling: Stability = 'alpha'): GateConfig => {
  const result = parseConfig(generic, data, { ceiling });
  if (!result.config) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.config;
};
const errorsOf = (data: Record<string, unknown>) => parseConfig(generic, data).errors.map((error) => error.message);
const warningsOf = (data: Record<string, unknown>) => parseConfig(generic, data).warnings.map((warning) => warning.message);
const violation = (spec: unknown, data: Record<string, string>, ceiling: Stability = 'alpha') => evaluate(widget(spec), { config: config(data, ceiling) }).violations[0];

describe('the kubernetes wording (a catalog\'s default)', () => {
  it('is what a catalog that does not say gets, resolved once per catalog object', () => {
    expect(voiceOf(generic)).toEqual({ wording: 'kubernetes', levels: ['alpha', 'beta', 'stable'], configMap: 'widget-system/widget-flags', displayName: 'Widgets' });
    expect(voiceOf(generic)).toBe(voiceOf(generic));
    expect(voiceOf(fixture).wording).toBe('tekton');
  });

  it('says which feature is off, at which maturity, and which ConfigMap setting turns it on', () => {
    expect(violation({ parts: [{ fanOut: { params: [1] } }] }, { 'enable-api-fields': 'stable' })).toEqual({
      path: 'spec.parts[0].fanOut',
      feature: 'fan-out',
      message: 'fanOut is a beta feature and is off: set "enable-api-fields" to "beta" or "alpha" in ConfigMap widget-system/widget-flags',
    });
    expect(violation({ turbo: true }, { 'enable-api-fields': 'beta' }).message).toBe(
      'turbo is an alpha feature and is off: set "enable-api-fields" to "alpha" in ConfigMap widget-system/widget-flags',
    );
  });

  it('names the own flag first, and the level as the other way while the flag is unset', () => {
    const ownFlagless: Registry = { ...generic, features: generic.features.map((feature) => ({ ...feature, flagMessage: undefined })) };
    const result = evaluate(widget({ parts: [{ params: [{ enum: ['a'] }] }] }), { config: parseConfig(ownFlagless, { 'enable-api-fields': 'beta' }).config! });
    expect(result.violations[0].message).toBe(
      'Enum is an alpha feature and is off: set "enable-enum" to "true" in ConfigMap widget-system/widget-flags (or, with "enable-enum" unset, set "enable-api-fields" to "alpha")',
    );
    const off = evaluate(widget({ parts: [{ params: [{ enum: ['a'] }] }] }), { config: parseConfig(ownFlagless, { 'enable-enum': 'false' }).config! });
    expect(off.violations[0].message).toBe('Enum is an alpha feature and is off: set "enable-enum" to "true" in ConfigMap widget-system/widget-flags');
  });

  it('says how to lift a list flag\'s ban, and which bundle a ceiling-bound feature needs', () => {
    expect(violation({ inline: {} }, { 'disable-inline': 'widget' }).message).toBe(
      'inline is forbidden while "disable-inline" contains "widget": remove "widget" from "disable-inline" in ConfigMap widget-system/widget-flags',
    );
    expect(violation({ turbo: true }, {}, 'stable').message).toBe(
      'turbo is an alpha feature and is off: set "enable-api-fields" to "alpha" in ConfigMap widget-system/widget-flags; the stable bundle cannot turn on alpha features: install the "alpha" bundle',
    );
  });

  it('words config errors like Kubernetes\' field errors, and never mentions Go', () => {
    expect(errorsOf({ 'enable-api-feilds': 'alpha' })).toEqual(['unrecognized key "enable-api-feilds" in ConfigMap widget-system/widget-flags: did you mean "enable-api-fields"?']);
    expect(errorsOf({ 'completely-different': 'x' })).toEqual(['unrecognized key "completely-different" in ConfigMap widget-system/widget-flags: it is not a setting of Widgets; remove it']);
    expect(errorsOf({ 'enable-api-fields': 'experimental' })).toEqual(['"enable-api-fields": invalid value "experimental": must be one of "stable", "beta" or "alpha"']);
    expect(errorsOf({ mode: 'd' })).toEqual(['"mode": invalid value "d": must be one of "a", "b" or "c"']);
    const [bool] = errorsOf({ 'enable-enum': 'yes' });
    expect(bool).toBe('"enable-enum": invalid value "yes": must be true or false (1, t, T, TRUE, True, 0, f, F, FALSE and False are read as true and false too)');
    expect(bool).not.toMatch(/Go|strconv/);
  });

  it('still reads every spelling of a boolean that Tekton\'s ConfigMaps use', () => {
    for (const spelling of ['1', 't', 'T', 'TRUE', 'true', 'True']) expect(config({ 'enable-enum': spelling }).values.get('enable-enum')?.value).toBe(true);
    for (const spelling of ['0', 'f', 'F', 'FALSE', 'false', 'False']) expect(config({ 'enable-enum': spelling }).values.get('enable-enum')?.value).toBe(false);
  });

  it('points removed and misspelt keys at the project\'s ConfigMap', () => {
    expect(warningsOf({ 'removed-key': 'x' })).toEqual(['"removed-key" was removed in v1.0 and has no effect (it did nothing): delete it from ConfigMap widget-system/widget-flags']);
    expect(warningsOf({ 'enabel-enum': 'true' })).toEqual([
      '"enabel-enum" is a misspelling of "enable-enum" (shipped misspelt in v0.5) and is read as "enable-enum": rename it in ConfigMap widget-system/widget-flags',
    ]);
  });
});
