import { compileRegistry } from './compile';
import { evaluate } from './evaluate';
import { findUses } from './find-uses';
import { parseConfig, type GateConfig } from './parse-config';
import type { Registry } from './registry';
import { fixture, widget } from './test-support/fixture';

/**
 * The fixture with a template merged into parts (as Tekton merges stepTemplate into steps) and a
 * variant: a part that names another API is a foreign part, whose own checks are fewer (as Tekton's
 * custom tasks skip the Task checks).
 */
const merged: Registry = {
  ...fixture,
  types: { ...fixture.types, ForeignPart: {} },
  features: fixture.features.map((feature) =>
    feature.name === 'fan-out' ? { ...feature, uses: [...feature.uses, { type: 'ForeignPart', path: 'fanOut', match: { kind: 'nonEmpty', anyOf: ['params', 'include'] } }] } : feature,
  ),
  templates: [{ type: 'WidgetSpec', template: 'partTemplate', into: 'parts', fields: ['script', 'params'], mergeKeys: { params: 'name' }, skipElementWith: 'ref' }],
  variants: [
    {
      type: 'Part',
      when: [
        { path: 'ref.apiVersion', match: { kind: 'nonEmpty' } },
        { path: 'ref.kind', match: { kind: 'oneOf', values: ['', 'Part'] }, not: true },
      ],
      as: 'ForeignPart',
    },
  ],
};

const config = (data: Record<string, string>): GateConfig => {
  const result = parseConfig(merged, data);
  if (!result.config) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.config;
};
const beta = config({ 'enable-api-fields': 'beta' });
const usesOf = (spec: unknown) => findUses(merged, widget(spec)).map((use) => `${use.check.feature.name} ${use.path}`);

describe('templates merged into array elements', () => {
  it('carries a use in the template to every element, reported at the element', () => {
    const spec = { partTemplate: { script: '#!magic' }, parts: [{}, { name: 'b' }] };
    expect(usesOf(spec)).toEqual(['magic spec.parts[0]', 'magic spec.parts[1]']);
    expect(evaluate(widget(spec), { config: beta }).violations.map((v) => `${v.path}: ${v.message}`)).toEqual([
      'spec.parts[0]: magic scripts requires "enable-api-fields" feature gate to be "alpha" but it is "beta"',
      'spec.parts[1]: magic scripts requires "enable-api-fields" feature gate to be "alpha" but it is "beta"',
    ]);
  });

  it('lets an element override a field with a non-empty value of its own, but not with an empty one', () => {
    expect(usesOf({ partTemplate: { script: '#!magic' }, parts: [{ script: 'plain' }, { script: '' }] })).toEqual(['magic spec.parts[1]']);
  });

  it('merges keyed lists entry by entry: an element entry with the same key replaces the template one', () => {
    const partTemplate = { params: [{ name: 'a', enum: ['x'] }] };
    expect(usesOf({ partTemplate, parts: [{ params: [{ name: 'b' }] }] })).toEqual(['enum spec.parts[0]']);
    expect(usesOf({ partTemplate, parts: [{ params: [{ name: 'a' }] }] })).toEqual([]);
  });

  it('leaves out elements that hold the skip field, fields the template cannot set, and templates with no elements', () => {
    expect(usesOf({ partTemplate: { script: '#!magic' }, parts: [{ ref: { name: 'r' } }] })).toEqual([]);
    expect(usesOf({ partTemplate: { fanOut: { params: [1] } }, parts: [{}] })).toEqual([]);
    expect(usesOf({ partTemplate: { script: '#!magic' } })).toEqual([]);
    expect(usesOf({ partTemplate: 'not an object', parts: [{}] })).toEqual([]);
  });

  it('reports one use per feature and element however many template fields carry it, beside the element\'s own', () => {
    const spec = { partTemplate: { script: '#!magic', params: [{ name: 'a', enum: ['x'] }, { name: 'b', enum: ['y'] }] }, parts: [{ script: '#!magic again' }] };
    expect(usesOf(spec).sort()).toEqual(['enum spec.parts[0]', 'magic spec.parts[0].script']);
  });

  it('ratchets a carried use on UPDATE like any other: same path, same value', () => {
    const spec = { partTemplate: { script: '#!magic' }, parts: [{}] };
    const result = evaluate(widget(spec), { config: beta, operation: 'UPDATE', oldObject: widget(spec) });
    expect(result.allowed).toBe(true);
    expect(result.uses.map((use) => use.decision)).toEqual(['ratcheted']);
  });

  it('stays linear: a big template over many elements that override most of it', () => {
    const n = 20_000;
    const params = Array.from({ length: n }, (_, i) => ({ name: `p${i}`, enum: ['x'] }));
    const parts = Array.from({ length: 200 }, () => ({ params: [{ name: 'p0' }] }));
    const uses = findUses(merged, widget({ partTemplate: { params }, parts }));
    expect(uses).toHaveLength(200);
    expect(uses.every((use) => use.check.feature.name === 'enum')).toBe(true);
  });

  it('refuses, at compile time, a template field the type graph also follows: its uses would count twice', () => {
    const both: Registry = { ...merged, types: { ...merged.types, WidgetSpec: { ...merged.types.WidgetSpec, partTemplate: 'Part' } } };
    expect(() => compileRegistry(both)).toThrow(/partTemplate .*is also an edge/);
  });

  it('refuses, at compile time, a template whose element type reaches another template', () => {
    const nested: Registry = { ...merged, templates: [...(merged.templates ?? []), { type: 'Part', template: 't', into: 'subs', fields: [] }], types: { ...merged.types, Part: { 'subs[]': 'WidgetSpec' } } };
    expect(() => compileRegistry(nested)).toThrow(/reaches .*which has a template too/);
  });
});

describe('type variants', () => {
  it('reads a value that meets a condition as the variant type, with its checks and not the others', () => {
    const foreign = { ref: { apiVersion: 'other.dev/v1', kind: 'Gizmo' }, script: '#!magic', fanOut: { params: [1] } };
    expect(usesOf({ parts: [foreign] })).toEqual(['fan-out spec.parts[0].fanOut']);
    expect(usesOf({ parts: [{ ...foreign, ref: { kind: 'Gizmo' } }] })).toEqual(['fan-out spec.parts[0].fanOut']);
  });

  it('keeps the type when no condition holds: no apiVersion, and a kind that is absent, empty or the own one', () => {
    for (const ref of [{}, { kind: '' }, { kind: 'Part' }, { apiVersion: '' }, null]) {
      expect(usesOf({ parts: [{ ref, script: '#!magic' }] })).toEqual(['magic spec.parts[0].script']);
    }
  });

  it('refuses a variant of an unknown type at compile time', () => {
    expect(() => compileRegistry({ ...merged, variants: [{ type: 'Part', when: [], as: 'Nope' }] })).toThrow(/unknown type/);
  });
});
