import { getOrInsert } from './get-or-insert';

describe('getOrInsert', () => {
  it('makes a value once per key and returns the stored one after', () => {
    const made: string[] = [];
    const make = (key: string) => {
      made.push(key);
      return { key };
    };
    const map = new Map<string, { key: string }>();
    const first = getOrInsert(map, 'a', make);
    expect(getOrInsert(map, 'a', make)).toBe(first);
    expect(getOrInsert(map, 'b', make)).toEqual({ key: 'b' });
    expect(made).toEqual(['a', 'b']);
    const weak = new WeakMap<object, number>();
    const owner = {};
    expect(getOrInsert(weak, owner, () => 1)).toBe(1);
    expect(getOrInsert(weak, owner, () => 2)).toBe(1);
  });
});
