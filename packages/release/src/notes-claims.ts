/**
 * What the per-bundle parts of RELEASE_NOTES.md tell installers, as data: the notes renderer
 * decides each claim first and prints text from it, so a test can hold every printed sentence to
 * the gate model (`evaluate` at the bundle's ceiling and defaults).
 */
import { levelAdmits, type Stability } from '@featuregates/gates';
import type { FeatureRef, Snapshot } from './types';

/** ConfigMap data on top of a bundle's defaults (`{}`: the bundle as installed). */
export type ClaimConfig = Readonly<Record<string, string>>;

export type NoteClaim =
  /** With these settings, a use of the feature at any of its paths is admitted. */
  | { claim: 'admitted'; feature: string; paths: Record<string, string[]>; config: ClaimConfig }
  /** With the bundle's defaults alone, a use of the feature is admitted. */
  | { claim: 'on-by-default'; feature: string; paths: Record<string, string[]> }
  /** With these settings, a use of the feature (or of a removed feature's fields) is refused. */
  | { claim: 'refused'; feature: string; paths: Record<string, string[]>; config: ClaimConfig; removed?: boolean }
  /** The bundle takes these settings (advice such as "pin KEY: VALUE" must be something it accepts). */
  | { claim: 'accepted'; config: ClaimConfig }
  /** "Nothing changes": no use of any feature is decided differently here than in the release before. */
  | { claim: 'unchanged' };

/** One ConfigMap setting as the notes print it: `` `key: "value"` ``. */
export function settingText(key: string, value: string): string {
  return `\`${key}: "${value}"\``;
}

/** The level key's setting as the notes print it: `` `enable-api-fields: beta` ``. */
export function levelText(key: string, level: Stability): string {
  return `\`${key}: ${level}\``;
}

/** A sentence and the claims it makes. */
export interface Advice {
  text: string;
  claims: NoteClaim[];
}

const none: Advice = { text: '', claims: [] };

/**
 * What the installers of a bundle should know about a feature that is in the release, and the
 * claims behind it: on by default, opt-in (with settings the bundle accepts), or not available.
 */
export function featureAdvice(feature: FeatureRef, bundle: Stability, level: Stability, newHere: boolean): Advice {
  const paths = feature.paths ?? {};
  const { name, flag, levelKey, stability } = feature;
  if (!levelAdmits(bundle, stability)) {
    return { text: ' Not available in this bundle: a use is refused.', claims: [{ claim: 'refused', feature: name, paths, config: {} }] };
  }
  const lead = newHere ? ' New to this bundle.' : '';
  if (stability === 'stable') {
    const claims: NoteClaim[] = [{ claim: 'on-by-default', feature: name, paths }];
    return { text: newHere ? ' New to this bundle, and on by default here.' : '', claims };
  }
  if (flag && feature.ownFlagRule === 'own-flag-decides') {
    const on = { [flag]: 'true' };
    return {
      text: `${lead} Off by default: set ${settingText(flag, 'true')} to use it (\`${levelKey}\` does not turn it on).`,
      claims: [{ claim: 'refused', feature: name, paths, config: {} }, { claim: 'admitted', feature: name, paths, config: on }],
    };
  }
  if (levelAdmits(level, stability)) {
    const claims: NoteClaim[] = [{ claim: 'on-by-default', feature: name, paths }];
    if (flag) claims.push({ claim: 'refused', feature: name, paths, config: { [flag]: 'false' } });
    const off = flag ? `; ${settingText(flag, 'false')} turns it off` : '';
    return { text: newHere ? `${lead.replace(/\.$/, '')}, and on by default here (${levelText(levelKey, level)})${off}.` : ` On by default here (${levelText(levelKey, level)})${off}.`, claims };
  }
  const ways: ClaimConfig[] = [...(flag ? [{ [flag]: 'true' }] : []), { [levelKey]: stability }];
  const how = [...(flag ? [settingText(flag, 'true')] : []), levelText(levelKey, stability)].join(' or ');
  return {
    text: `${lead} Off by default here: set ${how} to use it.`,
    claims: [{ claim: 'refused', feature: name, paths, config: {} }, ...ways.map((config): NoteClaim => ({ claim: 'admitted', feature: name, paths, config }))],
  };
}

/** A removed feature: a use is refused in every bundle, with "removed in RELEASE: NOTE". */
export function removedAdvice(name: string, paths: Record<string, string[]>): Advice {
  return { text: '', claims: [{ claim: 'refused', feature: name, paths, config: {}, removed: true }] };
}

/**
 * An announced (or made) change of a default, for one bundle: what to pin to keep today's
 * behaviour, and (where the bundle accepts it) what adopts the new one now.
 */
export function pinAdvice(key: string, from: string, to: string, accepts: (value: string) => boolean, level = false, keeps = "today's behaviour"): Advice {
  const show = (value: string) => (level ? `\`${key}: ${value}\`` : settingText(key, value));
  const keep = { [key]: from };
  if (!accepts(to)) return { text: ` Pin ${show(from)} to keep ${keeps}.`, claims: [{ claim: 'accepted', config: keep }] };
  return {
    text: ` Pin ${show(from)} to keep today's behaviour, or ${show(to)} to adopt it now.`,
    claims: [{ claim: 'accepted', config: keep }, { claim: 'accepted', config: { [key]: to } }],
  };
}

/** Whether a bundle accepts a flag's value: the ceiling admits the maturity the value asks for. */
export function flagValueAccepted(snapshot: Snapshot, key: string, bundle: Stability): (value: string) => boolean {
  const flag = snapshot.flags[key];
  return (value) => {
    const asks = flag?.valueStability?.[value];
    return asks === undefined || levelAdmits(bundle, asks);
  };
}

export { none as noAdvice };
