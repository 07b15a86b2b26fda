import { deepEqual, deepEqualWork, EqualityMemo } from './deep-equal';

const nested = (depth: number, leaf: unknown = 'x'): Record<string, unknown> => {
  let value: Record<string, unknown> = { leaf };
  for (let i = 0; i < depth; i++) value = { name: `n${i}`, child: value };
  return value;
};

describe('deepEqual', () => {
  it('compares JSON values structurally', () => {
    expect(deepEqual({ a: [1, { b: 'c' }] }, { a: [1, { b: 'c' }] })).toBe(true);
    expect(deepEqual({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(deepEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual(nested(10_000), nested(10_000))).toBe(true);
  });

  it('takes remembered results for inner pairs, equal and unequal, instead of walking them again', () => {
    const memo = new EqualityMemo();
    const [a, b] = [nested(3), nested(3)];
    memo.set(a.child as object, b.child as object, false);
    expect(deepEqual(a, b, memo)).toBe(false);
    expect(memo.get(a, b)).toBe(false);
    const [c, d] = [nested(3), nested(3, 'different')];
    memo.set(c.child as object, d.child as object, true);
    expect(deepEqual(c, d, memo)).toBe(true);
  });

  it('compares each pair of subtrees once when nested values are compared inside-out with one memo', () => {
    const depth = 2_000;
    const [a, b] = [nested(depth), nested(depth)];
    const innerFirst: [unknown, unknown][] = [];
    for (let x: unknown = a, y: unknown = b; typeof x === 'object' && x !== null; x = (x as Record<string, unknown>).child, y = (y as Record<string, unknown>).child) {
      innerFirst.unshift([x, y]);
    }
    const memo = new EqualityMemo();
    deepEqualWork.pairs = 0;
    for (const [x, y] of innerFirst) expect(deepEqual(x, y, memo)).toBe(true);
    // Each level holds a name and a child: three pairs a level, not one per level per enclosing level.
    expect(deepEqualWork.pairs).toBeLessThanOrEqual(4 * depth + 4);
  });
});
