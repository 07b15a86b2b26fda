import { levelAdmits, type Stability } from '@featuregates/gates';
import type { Earliest, FeatureRef, FlagRef, Notice, ReleaseEvent } from './types';

const code = (text: string): string => `\`${text}\``;

/** `tekton.dev/v1 Pipeline`, `tekton.dev/v1beta1 Pipeline` → `Pipeline (v1, v1beta1)`. */
export function kindsText(labels: readonly string[]): string {
  const versions = new Map<string, string[]>();
  for (const label of labels) {
    const [groupVersion, kind] = label.split(' ');
    const version = groupVersion.slice(groupVersion.lastIndexOf('/') + 1);
    versions.set(kind, [...(versions.get(kind) ?? []), version]);
  }
  return [...versions.entries()].map(([kind, list]) => `${kind} (${list.join(', ')})`).join(', ');
}

export function bundlesText(bundles: readonly Stability[]): string {
  if (bundles.length === 0) return 'no bundle';
  return `the ${bundles.join(', ').replace(/, ([^,]*)$/, ' and $1')} bundle${bundles.length > 1 ? 's' : ''}`;
}

/** How a feature is turned on: its own flag, else the level key at its stability. */
export function featureFlagText(feature: FeatureRef): string {
  if (feature.stability === 'stable') {
    if (!feature.flag) return 'always on';
    // Only Tekton's rule keeps a stable feature's own flag working; otherwise it has no effect.
    return feature.ownFlagRule === 'own-flag-decides' ? `own flag ${code(feature.flag)} (on unless set to false)` : `always on (own flag ${code(feature.flag)} has no effect)`;
  }
  const level = code(`${feature.levelKey}: ${feature.stability}`);
  if (feature.flag && feature.ownFlagRule === 'own-flag-decides') return `own flag ${code(feature.flag)} alone (${code(feature.levelKey)} does not turn it on)`;
  return feature.flag ? `own flag ${code(feature.flag)} (or ${level} while it is unset)` : level;
}

/**
 * Where a feature's YAML paths are, kinds with the same paths together:
 * `` `spec.tasks[].matrix` in Pipeline (v1, v1beta1); `spec.pipelineSpec.tasks[].matrix` in PipelineRun (v1, v1beta1) ``.
 */
export function pathsText(paths: Readonly<Record<string, readonly string[]>>): string {
  const kindsByPaths = new Map<string, string[]>();
  for (const label of Object.keys(paths).sort()) {
    const list = paths[label].join('\u0000');
    kindsByPaths.set(list, [...(kindsByPaths.get(list) ?? []), label]);
  }
  return [...kindsByPaths.entries()].map(([list, labels]) => `${list.split('\u0000').map(code).join(', ')} in ${kindsText(labels)}`).join('; ');
}

/** What a feature gates: its YAML paths under their kinds (type-graph field names only for events recorded before paths were). */
export function gatesText(feature: Pick<FeatureRef, 'fields' | 'kinds' | 'paths'>): string {
  if (feature.paths && Object.keys(feature.paths).length > 0) return pathsText(feature.paths);
  return feature.fields.length > 0 ? `${feature.fields.map(code).join(', ')} in ${kindsText(feature.kinds) || 'no kind'}` : '';
}

/** A feature's flag, paths and bundles; in a bundle's part, a bundle that cannot turn it on never gets advice on how to. */
function featureFacts(feature: FeatureRef, bundlesLead = 'In', bundle?: Stability): string {
  const gated = gatesText(feature);
  const gates = gated ? ` Gates ${gated}.` : '';
  const flag = bundle && !levelAdmits(bundle, feature.stability) ? `not available in the ${bundle} bundle` : featureFlagText(feature);
  return `Flag: ${flag}.${gates} ${bundlesLead} ${bundlesText(feature.bundles)}.`;
}

/** A deprecation's promise and replacement, as users read it. */
function replacementText(notice: Notice): string {
  return notice.replacedBy ? ` Use ${notice.replacedBy} instead.` : '';
}

function flagFacts(flag: FlagRef): string {
  return `${flag.type}, default ${code(flag.default || '""')}, ${flag.stability}${flag.feature ? `, own flag of ${code(flag.feature)}` : ''}; in ${bundlesText(flag.bundles)}`;
}

/** When an announced change may ship, as a sentence. */
function whenText(removal: Earliest, what = 'Removal'): string {
  return removal.kind === 'date' ? `${what} not before ${removal.date}.` : `${what} allowed in any later release.`;
}

/** "removed in RELEASE: NOTE", as a refused use says it. */
export function removedText(tombstone: { removedIn: string; note: string }): string {
  return `removed in ${tombstone.removedIn}: ${tombstone.note.trim().replace(/\.$/, '')}`;
}

/** The advice an announced default change comes with. */
export function pinText(key: string, from: string, to: string): string {
  return `Pin ${code(`${key}: "${from}"`)} to keep today's behaviour, or ${code(`${key}: "${to}"`)} to adopt it now.`;
}

const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** An announced default change without its advice: the key, old → new, the message and from when. */
export function defaultAnnouncedText(event: Extract<ReleaseEvent, { type: 'flag-default-announced' | 'level-default-announced' }>, from: string = event.from, to: string = event.to): string {
  const subject = event.type === 'flag-default-announced' ? `Flag **${code(event.flag.key)}**` : `**${code(event.key)}**`;
  const when = event.type === 'flag-default-announced' ? event.flip : event.removal;
  return `${subject}: the default will change from ${code(from || '""')} to ${code(to || '""')}: ${sentence(event.notice.message)} ${whenText(when, 'Flip')}`;
}

/**
 * The markdown of one CHANGELOG or release-notes entry: it names the feature, its flag, the
 * fields it gates and the bundles it is in (or the flag, its type, default and bundles).
 */
export function entryText(event: ReleaseEvent, bundle?: Stability): string {
  switch (event.type) {
    case 'feature-added':
      return `**${code(event.feature.name)}** (${event.feature.stability}): ${sentence(event.feature.description)} ${featureFacts(event.feature, 'In', bundle)}`;
    case 'feature-promoted':
      return `**${code(event.feature.name)}** from ${event.from} to ${event.to}: ${sentence(event.feature.description)} ${featureFacts(event.feature, 'In', bundle)}`;
    case 'feature-demoted':
      return `**${code(event.feature.name)}** demoted from ${event.from} to ${event.to}. ${featureFacts(event.feature, 'In', bundle)}`;
    case 'feature-deprecated':
      return `**${code(event.feature.name)}** (${event.feature.stability}): ${sentence(event.notice.message)} ${whenText(event.removal)}${replacementText(event.notice)} ${featureFacts(event.feature, 'In', bundle)}`;
    case 'feature-deprecation-withdrawn':
      return `**${code(event.feature.name)}**: its deprecation is withdrawn; it stays. ${featureFacts(event.feature, 'In', bundle)}`;
    case 'feature-changed': {
      const parts = [
        ...(event.removedPaths.length > 0 ? [`no longer gates ${event.removedPaths.map(code).join(', ')}`] : []),
        ...(event.addedPaths.length > 0 ? [`now also gates ${event.addedPaths.map(code).join(', ')}`] : []),
        ...(event.flagFrom !== event.flagTo ? [`own flag ${event.flagFrom ? code(event.flagFrom) : 'none'} → ${event.flagTo ? code(event.flagTo) : 'none'}`] : []),
      ];
      return `**${code(event.feature.name)}** (${event.feature.stability}): ${parts.join('; ')}. ${featureFacts(event.feature, 'In', bundle)}`;
    }
    case 'feature-removed':
      return `**${code(event.feature.name)}** (was ${event.feature.stability}): removed, without a tombstone. ${featureFacts(event.feature, 'It was in', bundle)}`;
    case 'feature-tombstoned':
      return `**${code(event.feature.name)}** (was ${event.feature.stability}): ${removedText(event.tombstone)}: a use of ${gatesText(event.feature) || 'its fields'} is now refused.${event.tombstone.replacedBy ? ` Use ${event.tombstone.replacedBy} instead.` : ''} It was in ${bundlesText(event.feature.bundles)}.`;
    case 'feature-tombstone-removed':
      return `Removed feature **${code(event.key)}** is no longer recognised: a use of its fields is no longer refused as removed.`;
    case 'flag-added':
      return `New flag **${code(event.flag.key)}** (${flagFacts(event.flag)}): ${sentence(event.flag.description)}`;
    case 'flag-promoted':
      return `Flag **${code(event.flag.key)}** from ${event.from} to ${event.to} (${flagFacts(event.flag)}).`;
    case 'flag-demoted':
      return `Flag **${code(event.flag.key)}** demoted from ${event.from} to ${event.to} (${flagFacts(event.flag)}).`;
    case 'flag-deprecated':
      return `Flag **${code(event.flag.key)}** (${flagFacts(event.flag)}): ${sentence(event.notice.message)} ${whenText(event.removal)}${replacementText(event.notice)}`;
    case 'flag-value-deprecated':
      return `Flag **${code(event.flag.key)}**, value ${code(event.value)}${event.value === event.flag.default ? ' (the default)' : ''}: ${sentence(event.notice.message)} ${whenText(event.removal, 'Change')}`;
    case 'flag-default-changed':
      return `Flag **${code(event.flag.key)}**: the default changes from ${code(event.from || '""')} to ${code(event.to || '""')}; set ${code(`${event.flag.key}: "${event.from}"`)} to keep the old behaviour (${flagFacts(event.flag)}).`;
    case 'flag-values-changed': {
      const parts = [...(event.added.length > 0 ? [`now accepts ${event.added.map(code).join(', ')}`] : []), ...(event.removed.length > 0 ? [`no longer accepts ${event.removed.map(code).join(', ')}`] : [])];
      return `Flag **${code(event.flag.key)}** ${parts.join('; ')} (${flagFacts(event.flag)}).`;
    }
    case 'flag-tombstoned':
      return `Flag **${code(event.flag.key)}** (was ${event.flag.stability}): removed; a ConfigMap that still sets it loads with a warning (${sentence(event.tombstone.note).replace(/\.$/, '')}). It was in ${bundlesText(event.flag.bundles)}.`;
    case 'flag-removed':
      return `Flag **${code(event.flag.key)}** (was ${event.flag.stability}): removed, without a tombstone. It was in ${bundlesText(event.flag.bundles)}.`;
    case 'tombstone-removed':
      return `Removed key **${code(event.key)}** is no longer recognised: a ConfigMap that sets it is now rejected.`;
    case 'flag-default-announced':
      return `${defaultAnnouncedText(event)} ${pinText(event.flag.key, event.from, event.to)} (${flagFacts(event.flag)}).`;
    case 'flag-default-withdrawn':
      return `Flag **${code(event.flag.key)}**: the announced change of its default to ${code(event.to || '""')} is withdrawn; the default stays ${code(event.flag.default || '""')}.`;
    case 'level-default-withdrawn':
      return `**${code(event.key)}**: the announced change of its default to ${code(event.to)} is withdrawn; the default stays ${code(event.default)}.`;
    case 'level-default-announced':
      return `${defaultAnnouncedText(event)} ${pinText(event.key, event.from, event.to)}`;
    case 'level-default-changed':
      return `**${code(event.key)}**: the default changes from ${code(event.from)} to ${code(event.to)}; set ${code(`${event.key}: "${event.from}"`)} to keep the old behaviour.`;
    case 'own-flag-rule-changed':
      return event.to === 'own-flag-decides'
        ? `Features with their own flag now follow that flag alone (rule ${code(event.to)}, was ${code(event.from)}): ${code(`${event.key}: alpha`)} no longer turns on one whose flag is unset; set the flag to ${code('"true"')}.`
        : `Features with their own flag now follow ${code(event.key)} while their flag is unset (rule ${code(event.to)}, was ${code(event.from)}).`;
    case 'kind-added':
      return `**${event.kind}** (${event.stability}).`;
    case 'kind-removed':
      return `API version **${event.kind}** (was ${event.stability}).`;
  }
}
