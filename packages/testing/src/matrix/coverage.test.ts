import { missingPairs, pairCount } from './coverage';

const keys = [
  { key: 'a', values: ['1', '2'], default: '1' },
  { key: 'b', values: ['x', 'y'], default: 'x' },
  { key: 'c', values: ['p'], default: 'p' },
];

describe('missingPairs', () => {
  it('finds each pair no configuration holds', () => {
    const configurations = [
      { name: '1', flags: { a: '1', b: 'x', c: 'p' } },
      { name: '2', flags: { a: '2', b: 'y', c: 'p' } },
    ];
    expect(missingPairs(keys, configurations)).toEqual([
      { first: { key: 'a', value: '1' }, second: { key: 'b', value: 'y' } },
      { first: { key: 'a', value: '2' }, second: { key: 'b', value: 'x' } },
    ]);
    expect(pairCount(keys)).toBe(4 + 2 + 2);
  });

  it('does not count a pair from a configuration that leaves a key unset', () => {
    expect(missingPairs(keys, [{ name: '1', flags: { a: '1' } }])).toHaveLength(8);
  });
});
