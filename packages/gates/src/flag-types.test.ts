import { defineFlag, type BoolFlagKey, type ConfigKey, type ConfigValues, type TypedRegistry } from './flag-types';
import { parseConfig } from './parse-config';
import type { Registry } from './registry';
import { fixture } from './test-support/fixture';

const mode = defineFlag({ key: 'mode', type: 'enum', default: 'a', values: ['a', 'b', 'c'], stability: 'stable', description: 'enum', history: [] });
const fast = defineFlag({ key: 'fast', type: 'bool', default: true, stability: 'stable', description: 'bool', history: [] });
const kinds = defineFlag({ key: 'kinds', type: 'list', default: [], values: ['x', 'y'], stability: 'stable', description: 'list', history: [] });
const typed: TypedRegistry<readonly [typeof mode, typeof fast, typeof kinds], 'enable-api-fields'> = { ...fixture, apiFieldsKey: 'enable-api-fields', flags: [mode, fast, kinds] };

describe('typed catalogs', () => {
  it('keep each flag as written, and stay a Registry the model parses', () => {
    expect(mode.values).toEqual(['a', 'b', 'c']);
    expect(parseConfig(typed, { mode: 'b', fast: 'false', kinds: 'y' }).config?.values.get('mode')?.value).toBe('b');
  });

  it('give keys and values literal types', () => {
    type Values = ConfigValues<typeof typed>;
    const values: Values = { mode: 'c', fast: false, kinds: ['x'], 'enable-api-fields': 'alpha' };
    // @ts-expect-error not one of the enum's values
    const badMode: Values['mode'] = 'd';
    // @ts-expect-error not a list item
    const badKinds: Values['kinds'] = ['z'];
    // @ts-expect-error "mode" is not a boolean flag
    const notBool: BoolFlagKey<typeof typed> = 'mode';
    // @ts-expect-error not a key of the catalog
    const unknown: ConfigKey<typeof typed> = 'mood';
    expect([values.mode, badMode, badKinds, notBool, unknown]).toHaveLength(5);
  });

  it('fall back to strings and every flag value over a plain Registry', () => {
    const key: ConfigKey<Registry> = 'anything';
    const value: ConfigValues<Registry>[string] = ['a'];
    const bool: BoolFlagKey<Registry> = 'anything';
    expect([key, value, bool]).toHaveLength(3);
  });
});
