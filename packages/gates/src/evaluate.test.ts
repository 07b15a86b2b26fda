import { deepEqualWork } from './deep-equal';
import { evaluate } from './evaluate';
import { MAX_WARNING_LENGTH } from './messages';
import { parseConfig, type GateConfig } from './parse-config';
import { ELIDED_PATH_HEAD, ELIDED_PATH_TAIL } from './path-table';
import type { Registry } from './registry';
import type { Stability } from './stability';
import { fixture, widget } from './test-support/fixture';

const config = (data: Record<string, string>, ceiling: Stability = 'alpha', registry: Registry = fixture): GateConfig => {
  const result = parseConfig(registry, data, { ceiling });
  if (!result.config) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.config;
};
const stable = config({ 'enable-api-fields': 'stable' });
const beta = config({ 'enable-api-fields': 'beta' });
const alpha = config({ 'enable-api-fields': 'alpha' });
const fanOut = { name: 'p', fanOut: { params: [{ name: 'x', value: ['1'] }] } };

describe('evaluate', () => {
  it('reports a use of a feature that is off with its path and Tekton\'s wording', () => {
    const result = evaluate(widget({ parts: [{ name: 'a' }, fanOut] }), { config: stable });
    expect(result.allowed).toBe(false);
    expect(result.violations).toEqual([
      {
        path: 'spec.parts[1].fanOut',
        feature: 'fan-out',
        message: 'fanOut requires "enable-api-fields" feature gate to be "alpha" or "beta" but it is "stable"',
      },
    ]);
  });

  it('uses the alpha wording for alpha features', () => {
    const result = evaluate(widget({ turbo: {} }), { config: beta });
    expect(result.violations[0].message).toBe('turbo requires "enable-api-fields" feature gate to be "alpha" but it is "beta"');
  });

  it('admits a feature that is on and warns that it is beta or alpha', () => {
    const result = evaluate(widget({ parts: [fanOut] }), { config: beta });
    expect(result.allowed).toBe(true);
    expect(result.warnings).toEqual(['spec.parts[0].fanOut: uses beta feature "fan-out"']);
    expect(result.uses).toEqual([{ feature: 'fan-out', title: 'fanOut', stability: 'beta', path: 'spec.parts[0].fanOut', decision: 'allowed' }]);
  });

  it('matches present, non-empty, one-of and pattern conditions exactly', () => {
    const spec = {
      turbo: {},
      parts: [
        { fanOut: {} },
        { fanOut: { params: [] } },
        { fanOut: { include: [{}] } },
        { type: 'string' },
        { type: 'array' },
        { script: 'echo #!magic' },
        { script: '  #!magic\nrun' },
        { params: [{ enum: [] }, { enum: ['a'] }] },
      ],
    };
    const paths = evaluate(widget(spec), { config: stable }).violations.map((v) => v.path);
    expect(paths.sort()).toEqual([ 'spec.parts[2].fanOut', 'spec.parts[4].type', 'spec.parts[6].script', 'spec.parts[7].params[1].enum', 'spec.turbo']);
  });

  it('counts a value that meets two conditions of one feature at one path as one use', () => {
    const twoWays: Registry = {
      ...fixture,
      features: fixture.features.map((feature) =>
        feature.name === 'magic' ? { ...feature, uses: [...feature.uses, { type: 'Part', path: 'script', match: { kind: 'pattern', pattern: 'magic$' } }] } : feature,
      ),
    };
    const result = evaluate(widget({ parts: [{ script: '#!magic' }, { script: 'run magic' }, { script: 'plain' }] }), { config: config({ 'enable-api-fields': 'alpha' }, 'alpha', twoWays) });
    expect(result.uses.map((use) => use.path)).toEqual(['spec.parts[0].script', 'spec.parts[1].script']);
    expect(result.warnings).toEqual(['spec.parts[0].script: uses alpha feature "magic"', 'spec.parts[1].script: uses alpha feature "magic"']);
  });

  it('follows recursive embedded specs', () => {
    const result = evaluate(widget({ child: { child: { parts: [fanOut] } } }), { config: stable });
    expect(result.violations.map((v) => v.path)).toEqual(['spec.child.child.parts[0].fanOut']);
  });

  it('explains how to turn on a feature with an own flag', () => {
    const spec = { parts: [{ params: [{ enum: ['a'] }] }] };
    expect(evaluate(widget(spec), { config: beta }).violations[0].message).toBe(
      'feature flag `enable-enum` should be set to true to use Enum (set "enable-enum" to "true", or "enable-api-fields" to "alpha" while "enable-enum" is unset)',
    );
    const off = config({ 'enable-api-fields': 'alpha', 'enable-enum': 'false' });
    expect(evaluate(widget(spec), { config: off }).violations[0].message).toBe('feature flag `enable-enum` should be set to true to use Enum');
    expect(evaluate(widget(spec), { config: config({ 'enable-api-fields': 'stable', 'enable-enum': 'true' }) }).allowed).toBe(true);
  });

  it('names the bundle that offers a feature the ceiling keeps off', () => {
    const result = evaluate(widget({ turbo: true }), { config: config({}, 'stable') });
    expect(result.violations[0].message).toBe(
      'turbo requires "enable-api-fields" feature gate to be "alpha" but it is "stable"; the stable bundle cannot turn on alpha features: install the "alpha" bundle',
    );
  });

  it('forbids a stable feature that a list flag disables', () => {
    const result = evaluate(widget({ inline: {} }), { config: config({ 'disable-inline': 'widget' }) });
    expect(result.violations[0].message).toBe('must not set the field(s): spec.inline ("disable-inline" contains "widget")');
    expect(evaluate(widget({ inline: {} }), { config: stable }).allowed).toBe(true);
  });

  describe('UPDATE ratchets', () => {
    const old = widget({ parts: [fanOut] });
    it('allows a use the old object had at the same path with the same value, with a warning', () => {
      const updated = { ...(old as object), metadata: { name: 'w', labels: { a: 'b' } } };
      const result = evaluate(updated, { config: stable, operation: 'UPDATE', oldObject: old });
      expect(result.allowed).toBe(true);
      expect(result.uses[0].decision).toBe('ratcheted');
      expect(result.warnings).toEqual(['spec.parts[0].fanOut: kept existing beta feature "fan-out", which is now off; new uses are rejected']);
    });
    it('rejects a changed value', () => {
      const changed = widget({ parts: [{ name: 'p', fanOut: { params: [{ name: 'x', value: ['2'] }] } }] });
      expect(evaluate(changed, { config: stable, operation: 'UPDATE', oldObject: old }).allowed).toBe(false);
    });
    it('rejects the same value at another path', () => {
      const moved = widget({ parts: [{ name: 'q' }, fanOut] });
      expect(evaluate(moved, { config: stable, operation: 'UPDATE', oldObject: old }).allowed).toBe(false);
    });
    it('does not ratchet on CREATE', () => {
      expect(evaluate(old, { config: stable, operation: 'CREATE', oldObject: old }).allowed).toBe(false);
    });
  });

  it.each(['DELETE', 'CONNECT'])('never gates %s', (operation) => {
    expect(evaluate(widget({ turbo: true }), { config: stable, operation })).toMatchObject({ allowed: true, skipped: 'operation' });
  });

  it('never gates a status update', () => {
    expect(evaluate(widget({ turbo: true }), { config: stable, operation: 'UPDATE', subResource: 'status' })).toMatchObject({ allowed: true, skipped: 'subresource' });
  });

  it('leaves unknown kinds and versions untouched', () => {
    expect(evaluate(widget({ turbo: true }, 'v2'), { config: stable }).skipped).toBe('unknown-kind');
    expect(evaluate({ kind: 'Widget', spec: { turbo: true } }, { config: stable }).skipped).toBe('unknown-kind');
    expect(evaluate('not an object', { config: stable }).allowed).toBe(true);
  });

  it('evaluates by the kind the request names when given', () => {
    const result = evaluate({ spec: { turbo: true } }, { config: stable, kind: { group: 'example.dev', version: 'v1', kind: 'Widget' } });
    expect(result.allowed).toBe(false);
  });

  it('keeps every warning within 120 characters', () => {
    const longName = 'x'.repeat(300);
    const spec = { child: { parts: [{ ...fanOut, name: longName }] } };
    let deep: Record<string, unknown> = spec;
    for (let i = 0; i < 40; i++) deep = { child: deep };
    const result = evaluate(widget(deep), { config: alpha });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0].length).toBeLessThanOrEqual(MAX_WARNING_LENGTH);
  });

  it('walks a 10,000-deep embedding without overflowing the stack', () => {
    let spec: Record<string, unknown> = { turbo: true };
    for (let i = 0; i < 10_000; i++) spec = { child: spec };
    const result = evaluate(widget(spec), { config: stable });
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0].path.startsWith('spec.child.child.')).toBe(true);
  });

  it('ignores __proto__ and constructor keys without touching prototypes', () => {
    const hostile = JSON.parse('{"apiVersion":"example.dev/v1","kind":"Widget","spec":{"__proto__":{"turbo":true},"constructor":{"prototype":{"turbo":true}},"parts":{"__proto__":[]}}}');
    const result = evaluate(hostile, { config: stable });
    expect(result.allowed).toBe(true);
    expect(({} as Record<string, unknown>).turbo).toBeUndefined();
  });

  it('describes values without a prototype in messages without throwing', () => {
    const spec = { parts: [{ params: [{ enum: Object.assign(Object.create(null), { a: 1 }) }] }] };
    expect(evaluate(widget(spec), { config: beta }).violations[0].feature).toBe('enum');
  });

  it('tolerates wrong types everywhere', () => {
    for (const spec of [null, 1, 'x', [], { parts: 'x' }, { parts: [null, 1, 'a', []] }, { child: [] }, { parts: [{ params: 'x' }] }]) {
      expect(() => evaluate(widget(spec), { config: stable })).not.toThrow();
    }
  });

  describe('work linear in object size', () => {
    // A feature whose value holds the rest of the nesting, as a nested pipelineSpec does in Tekton:
    // the shape that made path rendering and ratcheting quadratic.
    const nesting: Registry = {
      ...fixture,
      features: [
        ...fixture.features,
        { name: 'nesting', title: 'child', stability: 'alpha', description: 'nested', uses: [{ type: 'WidgetSpec', path: 'child', match: { kind: 'present' } }], history: [] },
      ],
    };
    const depth = 10_000;
    const nested = (leaf: unknown = fanOut): unknown => {
      let spec: Record<string, unknown> = { parts: [leaf] };
      for (let i = 0; i < depth; i++) spec = { child: spec };
      return widget(spec);
    };
    // 'spec' and every 'child' segment kept around the elision, and the elision itself.
    const longestPath = 'spec'.length + '.child'.length * (ELIDED_PATH_HEAD + ELIDED_PATH_TAIL) + '.…(10000 segments left out)'.length;

    it('evaluates a 10,000-deep nesting on CREATE, with each path elided in the middle and bounded', () => {
      const result = evaluate(nested(), { config: config({ 'enable-api-fields': 'alpha' }, 'alpha', nesting), maxDepth: Infinity });
      expect(result.allowed).toBe(true);
      expect(result.uses).toHaveLength(depth + 1);
      const deepest = result.uses[depth].path;
      expect(deepest).toMatch(new RegExp(`^spec(\\.child){${ELIDED_PATH_HEAD - 1}}\\.…\\(\\d+ segments left out\\)(\\.child)+\\.parts\\[0\\]\\.fanOut$`));
      let total = 0;
      for (const use of result.uses) {
        expect(use.path.length).toBeLessThanOrEqual(longestPath);
        total += use.path.length;
      }
      expect(total).toBeLessThanOrEqual(result.uses.length * longestPath);
    });

    it('ratchets an unchanged 10,000-deep nesting on UPDATE, comparing each pair of subtrees once', () => {
      deepEqualWork.pairs = 0;
      const result = evaluate(nested(), { config: config({ 'enable-api-fields': 'stable' }, 'alpha', nesting), operation: 'UPDATE', oldObject: nested(), maxDepth: Infinity });
      expect(result.allowed).toBe(true);
      expect(result.uses).toHaveLength(depth + 1);
      expect(result.uses.every((use) => use.decision === 'ratcheted')).toBe(true);
      // The object has about one pair of values per level; comparing each level's child value in
      // full would take depth²/2 pairs.
      expect(deepEqualWork.pairs).toBeLessThanOrEqual(3 * depth + 50);
    });

    it('stops at maxDepth along gated fields and refuses the object, naming the first path past it', () => {
      const options = { config: config({ 'enable-api-fields': 'alpha' }, 'alpha', nesting), maxDepth: 50 };
      const result = evaluate(nested(), options);
      expect(result.allowed).toBe(false);
      expect(result.uses).toEqual([]);
      expect(result.violations).toEqual([{ path: `spec${'.child'.repeat(50)}`, message: 'nests deeper than 50 levels of gated fields, which the gate check does not walk, so the object is refused: embed fewer levels of specs' }]);
      // Within the limit (spec, 45 × child, parts, [0], fanOut: 49 segments), nothing changes; and nesting in fields no gate reads is never visited.
      let shallow: Record<string, unknown> = { parts: [fanOut] };
      for (let i = 0; i < 45; i++) shallow = { child: shallow };
      expect(evaluate(widget(shallow), options).allowed).toBe(true);
      let ungated: unknown = 'leaf';
      for (let i = 0; i < 100_000; i++) ungated = { deeper: ungated };
      expect(evaluate(widget({ parts: [{ ...fanOut, notes: ungated }], labels: ungated }), options)).toMatchObject({ allowed: true, uses: [{ feature: 'fan-out' }] });
    });

    it('refuses an UPDATE whose old object goes past maxDepth where it must be walked to ratchet', () => {
      const deepOld = nested();
      const result = evaluate(widget({ turbo: true }), { config: config({ 'enable-api-fields': 'stable' }, 'alpha', nesting), operation: 'UPDATE', oldObject: deepOld, maxDepth: 50 });
      expect(result.allowed).toBe(false);
      expect(result.violations[0].path).toBe(`oldObject.spec${'.child'.repeat(50)}`);
    });

    it('rejects, after a change at the bottom of a deep nesting, every use whose value holds the change', () => {
      const changed = nested({ name: 'p', fanOut: { params: [{ name: 'x', value: ['2'] }] } });
      deepEqualWork.pairs = 0;
      const result = evaluate(changed, { config: config({ 'enable-api-fields': 'stable' }, 'alpha', nesting), operation: 'UPDATE', oldObject: nested(), maxDepth: Infinity });
      expect(result.violations).toHaveLength(depth + 1);
      expect(result.uses.every((use) => use.decision === 'rejected')).toBe(true);
      expect(deepEqualWork.pairs).toBeLessThanOrEqual(3 * depth + 50);
    });
  });
});
