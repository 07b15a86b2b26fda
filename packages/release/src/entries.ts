import type { Stability } from '@featuregates/gates';
import type { Earliest, FeatureRef, FlagRef, ReleaseEvent } from './types';

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
  if (feature.stability === 'stable') return feature.flag ? `own flag ${code(feature.flag)} (on unless set to false)` : 'always on';
  const level = code(`${feature.levelKey}: ${feature.stability}`);
  if (feature.flag && feature.ownFlagRule === 'own-flag-decides') return `own flag ${code(feature.flag)} alone (${code(feature.levelKey)} does not turn it on)`;
  return feature.flag ? `own flag ${code(feature.flag)} (or ${level} while it is unset)` : level;
}

function featureFacts(feature: FeatureRef, bundlesLead = 'In'): string {
  const gates = feature.fields.length > 0 ? ` Gates ${feature.fields.map(code).join(', ')} in ${kindsText(feature.kinds) || 'no kind'}.` : '';
  return `Flag: ${featureFlagText(feature)}.${gates} ${bundlesLead} ${bundlesText(feature.bundles)}.`;
}

function flagFacts(flag: FlagRef): string {
  return `${flag.type}, default ${code(flag.default || '""')}, ${flag.stability}${flag.feature ? `, own flag of ${code(flag.feature)}` : ''}; in ${bundlesText(flag.bundles)}`;
}

/** When an announced change may ship, as a sentence. */
function whenText(removal: Earliest, what = 'Removal'): string {
  return removal.kind === 'date' ? `${what} not before ${removal.date}.` : `${what} allowed in any later release.`;
}

const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/**
 * The markdown of one CHANGELOG or release-notes entry: it names the feature, its flag, the
 * fields it gates and the bundles it is in (or the flag, its type, default and bundles).
 */
export function entryText(event: ReleaseEvent): string {
  switch (event.type) {
    case 'feature-added':
      return `**${code(event.feature.name)}** (${event.feature.stability}): ${sentence(event.feature.description)} ${featureFacts(event.feature)}`;
    case 'feature-promoted':
      return `**${code(event.feature.name)}** from ${event.from} to ${event.to}: ${sentence(event.feature.description)} ${featureFacts(event.feature)}`;
    case 'feature-demoted':
      return `**${code(event.feature.name)}** demoted from ${event.from} to ${event.to}. ${featureFacts(event.feature)}`;
    case 'feature-deprecated':
      return `**${code(event.feature.name)}** (${event.feature.stability}): ${sentence(event.notice.message)} ${whenText(event.removal)} ${featureFacts(event.feature)}`;
    case 'feature-deprecation-withdrawn':
      return `**${code(event.feature.name)}**: its deprecation is withdrawn; it stays. ${featureFacts(event.feature)}`;
    case 'feature-changed': {
      const parts = [
        ...(event.removedPaths.length > 0 ? [`no longer gates ${event.removedPaths.map(code).join(', ')}`] : []),
        ...(event.addedPaths.length > 0 ? [`now also gates ${event.addedPaths.map(code).join(', ')}`] : []),
        ...(event.flagFrom !== event.flagTo ? [`own flag ${event.flagFrom ? code(event.flagFrom) : 'none'} → ${event.flagTo ? code(event.flagTo) : 'none'}`] : []),
      ];
      return `**${code(event.feature.name)}** (${event.feature.stability}): ${parts.join('; ')}. ${featureFacts(event.feature)}`;
    }
    case 'feature-removed':
      return `**${code(event.feature.name)}** (was ${event.feature.stability}): removed. ${featureFacts(event.feature, 'It was in')}`;
    case 'flag-added':
      return `New flag **${code(event.flag.key)}** (${flagFacts(event.flag)}): ${sentence(event.flag.description)}`;
    case 'flag-promoted':
      return `Flag **${code(event.flag.key)}** from ${event.from} to ${event.to} (${flagFacts(event.flag)}).`;
    case 'flag-demoted':
      return `Flag **${code(event.flag.key)}** demoted from ${event.from} to ${event.to} (${flagFacts(event.flag)}).`;
    case 'flag-deprecated':
      return `Flag **${code(event.flag.key)}** (${flagFacts(event.flag)}): ${sentence(event.notice.message)} ${whenText(event.removal)}`;
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
    case 'level-default-announced':
      return `**${code(event.key)}**: the default will change from ${code(event.from)} to ${code(event.to)}: ${sentence(event.notice.message)} ${whenText(event.removal, 'Change')}`;
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
