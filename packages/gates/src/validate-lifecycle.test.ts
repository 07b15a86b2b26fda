import type { Registry } from './registry';
import { twoLevels } from './test-support/fixture';
import { lifecycle } from './test-support/lifecycle';
import { validateCatalog } from './validate-catalog';

const problemsOf = (registry: Registry) => validateCatalog(registry).map((problem) => `${problem.entry}: ${problem.message}`);
const [warp, legacyParts] = lifecycle.removedFeatures ?? [];

describe('validateCatalog on lifecycle entries', () => {
  it('takes a catalog with removed features, deprecations and announced default changes', () => {
    expect(problemsOf(lifecycle)).toEqual([]);
  });

  it('refuses a removed feature that keeps a live feature\'s name', () => {
    expect(problemsOf({ ...lifecycle, removedFeatures: [{ ...warp, name: 'turbo' }] })).toEqual([
      'removed feature "turbo": has the name of a feature in `features`: a name means one feature for good; remove one of the two entries',
    ]);
  });

  it('refuses a removed feature named twice', () => {
    expect(problemsOf({ ...lifecycle, removedFeatures: [warp, legacyParts, { ...legacyParts }] })).toEqual(['removed feature "legacy-parts": is defined 2 times: keep one removed feature per name']);
  });

  it('refuses a removed feature whose own flag is still a live flag, or has no tombstone', () => {
    expect(problemsOf({ ...lifecycle, removedFeatures: [{ ...warp, flag: 'mode' }] })).toEqual([
      'removed feature "warp": its own flag "mode" is still in `flags`: a removed feature\'s flag goes with it; move "mode" to `tombstones` or remove `flag`',
    ]);
    expect(problemsOf({ ...lifecycle, removedFeatures: [{ ...warp, flag: 'enable-wrap' }] })).toEqual([
      'removed feature "warp": its own flag "enable-wrap" has no tombstone: add "enable-wrap" to `tombstones` so old ConfigMaps keep loading, or remove `flag`',
    ]);
  });

  it('refuses a removed feature whose uses do not resolve in the type graph', () => {
    expect(problemsOf({ ...lifecycle, removedFeatures: [{ ...legacyParts, uses: [{ type: 'Prat', path: 'legacy', match: { kind: 'present' } }] }] })).toEqual([
      'removed feature "legacy-parts": uses[0] names type "Prat", which is not in `types`: add it to `types` or fix the name (did you mean "Part"?)',
    ]);
  });

  it('refuses announced dates that are not dates', () => {
    const flags = lifecycle.flags.map((flag) => (flag.key === 'mode' && flag.defaultChange ? { ...flag, defaultChange: { ...flag.defaultChange, flipNotBefore: 'March 2027' } } : flag));
    const features = lifecycle.features.map((feature) => (feature.name === 'fan-out' ? { ...feature, deprecated: { since: 'v2', message: 'm', removalNotBefore: '2027-13-01' } } : feature));
    expect(problemsOf({ ...lifecycle, flags, features })).toEqual([
      'feature "fan-out": `deprecated.removalNotBefore` "2027-13-01" is not a date: write it as YYYY-MM-DD',
      'flag "mode": `defaultChange.flipNotBefore` "March 2027" is not a date: write it as YYYY-MM-DD',
    ]);
  });

  it('refuses a deprecation notice an admission warning would have to clip', () => {
    const long = 'x'.repeat(70);
    const features = lifecycle.features.map((feature) => (feature.name === 'fan-out' ? { ...feature, deprecated: { since: 'v2', message: long, removalNotBefore: '2027-09-01' } } : feature));
    expect(problemsOf({ ...lifecycle, features })).toEqual([
      'feature "fan-out": its deprecation notice is 126 characters as an admission warning shows it, over Kubernetes\' 120: shorten `deprecated.message` by 6 characters',
    ]);
  });

  it('refuses a default change to a value the flag does not take, or to the default it already has', () => {
    const withChange = (to: string) => lifecycle.flags.map((flag) => (flag.key === 'mode' && flag.defaultChange ? { ...flag, defaultChange: { ...flag.defaultChange, to } } : flag));
    expect(problemsOf({ ...lifecycle, flags: withChange('d') })).toEqual(['flag "mode": `defaultChange.to` "d" is not one of its values ("a", "b", "c"): announce a value the flag takes']);
    expect(problemsOf({ ...lifecycle, flags: withChange('a') })).toEqual(['flag "mode": `defaultChange.to` is "a", already the default: the flip has shipped; remove `defaultChange`']);
  });

  it('refuses a level default change to a level the catalog does not declare, or to the current default', () => {
    expect(problemsOf({ ...twoLevels, levelDefaultChange: { to: 'beta', since: 'v2', message: 'm' } })).toEqual([
      'levelDefaultChange: `levelDefaultChange.to` is "beta", which the catalog\'s `levels` ("stable", "alpha") do not declare: add it to `levels` or use a declared level',
    ]);
    expect(problemsOf({ ...lifecycle, levelDefaultChange: { to: 'beta', since: 'v2', message: 'm' } })).toEqual([
      'levelDefaultChange: `levelDefaultChange.to` is "beta", already the default: the flip has shipped; remove `levelDefaultChange`',
    ]);
  });
});
