import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles up to the cap', () => {
    const none = () => 0;
    expect([0, 1, 2, 3, 10, 1000].map((attempt) => backoffDelay(attempt, { initialMs: 100, maxMs: 1000 }, none))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('takes at most a fifth off at random', () => {
    expect(backoffDelay(0, { initialMs: 1000 }, () => 1)).toBe(800);
    expect(backoffDelay(0, { initialMs: 1000 }, () => 0.5)).toBe(900);
  });
});
