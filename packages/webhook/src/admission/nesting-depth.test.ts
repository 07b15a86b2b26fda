import { nestsDeeperThan } from './nesting-depth';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

describe('nestsDeeperThan', () => {
  it('counts arrays and objects, not scalars', () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
  });

  it('walks a million levels without a stack overflow', () => {
    expect(nestsDeeperThan(JSON.parse(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`), 128)).toBe(true);
  });

  it('looks into every branch', () => {
    expect(nestsDeeperThan({ shallow: 1, list: [1, 2, { deep: nested(10) }] }, 8)).toBe(true);
  });
});
