import { bundlesOffering, compareStability, isStability, levelAdmits, moreStable } from './stability';

describe('stability', () => {
  it('orders alpha < beta < stable', () => {
    expect(compareStability('alpha', 'beta')).toBeLessThan(0);
    expect(compareStability('stable', 'beta')).toBeGreaterThan(0);
    expect(moreStable('alpha', 'beta')).toBe('beta');
    expect(moreStable('stable', 'alpha')).toBe('stable');
  });
  it('a level admits features at least as stable as itself', () => {
    expect(levelAdmits('stable', 'beta')).toBe(false);
    expect(levelAdmits('beta', 'beta')).toBe(true);
    expect(levelAdmits('beta', 'alpha')).toBe(false);
    expect(levelAdmits('alpha', 'beta')).toBe(true);
    expect(levelAdmits('alpha', 'alpha')).toBe(true);
  });
  it('names the bundles that can turn a feature on', () => {
    expect(bundlesOffering('alpha')).toEqual(['alpha']);
    expect(bundlesOffering('beta')).toEqual(['beta', 'alpha']);
    expect(bundlesOffering('stable')).toEqual(['stable', 'beta', 'alpha']);
  });
  it('recognises only the three levels', () => {
    expect(isStability('beta')).toBe(true);
    expect(isStability('experimental')).toBe(false);
    expect(isStability('constructor')).toBe(false);
  });
});
