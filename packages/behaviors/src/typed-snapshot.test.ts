import { parseConfig } from '@featuregates/gates';
import { createSnapshot, UnknownFlagError } from './snapshot';
import { typedCatalog, untypedCatalog } from './test-support/typed-catalog';

const snapshotOf = (data: Record<string, string>) => {
  const { config } = parseConfig(typedCatalog, data);
  if (!config) throw new Error('bad test config');
  return createSnapshot(typedCatalog, config);
};

describe('a snapshot over a typed catalog', () => {
  it('reads typed values: enums as their union, bools, ints, lists and the level', () => {
    const snap = snapshotOf({ placement: 'pack', 'keep-logs': 'true', 'disable-inline': 'gadget,widget', 'enable-api-fields': 'alpha' });
    const placement: 'spread' | 'pack' | 'isolate' = snap.get('placement');
    expect(placement).toBe('pack');
    const keep: boolean = snap.enabled('keep-logs');
    expect(keep).toBe(true);
    const size: number = snap.get('max-size');
    expect(size).toBe(4096);
    const items: readonly ('widget' | 'gadget')[] = snap.get('disable-inline');
    expect(items).toEqual(['gadget', 'widget']);
    expect(snap.get('enable-api-fields')).toBe('alpha');
    expect(snap.level).toBe('alpha');
  });

  it('rejects unknown keys and non-boolean reads at compile time, and at run time too', () => {
    const snap = snapshotOf({});
    // @ts-expect-error a misspelt key is not a key of the catalog
    expect(() => snap.get('keep-log-files')).toThrow(UnknownFlagError);
    // @ts-expect-error placement is an enum, not a boolean
    expect(() => snap.enabled('placement')).toThrow('"placement" is an enum flag, not a boolean: read it with get("placement")');
    // @ts-expect-error the value is the enum's union, not any string
    const wrong: 'nope' = snap.get('placement');
    expect(wrong).toBe('spread');
  });

  it('names an unknown, removed or misspelt key over an untyped catalog', () => {
    const snap = createSnapshot(untypedCatalog, parseConfig(untypedCatalog, {}).config!);
    expect(() => snap.get('keep-logs-on')).toThrow('unknown flag "keep-logs-on": did you mean "keep-logs"?');
    expect(() => snap.get('old-placement')).toThrow('unknown flag "old-placement": it was removed in v1.0 (use "placement" instead)');
    expect(() => snap.get('keep-log')).toThrow('read "keep-logs"');
  });
});
