import { levelAdmits, moreStable, STABILITIES, type Stability } from '@featuregates/gates';
import { bumpFor, highestBump } from './bump';
import { defaultAnnouncedText, entryText } from './entries';
import { featureAdvice, flagValueAccepted, noAdvice, pinAdvice, removedAdvice, type Advice, type NoteClaim } from './notes-claims';
import { featureRef } from './refs';
import { groupBySection } from './sections';
import type { ReleaseEvent, Snapshot } from './types';

/** The bundles, least permissive first: what an installer picks. */
export const BUNDLES: readonly Stability[] = [...STABILITIES].reverse();

/** A bundle's default level: the catalog's default lowered to the bundle's ceiling. */
export function bundleDefaultLevel(catalogDefault: Stability, bundle: Stability): Stability {
  return moreStable(catalogDefault, bundle);
}

/** Whether installers of a bundle see this event: the feature or flag is (or was) offered there, or it changes a default they have. */
export function concernsBundle(event: ReleaseEvent, bundle: Stability): boolean {
  switch (event.type) {
    case 'feature-promoted':
    case 'feature-demoted':
      return levelAdmits(bundle, event.from) || levelAdmits(bundle, event.to);
    case 'flag-promoted':
    case 'flag-demoted':
      return levelAdmits(bundle, event.from) || levelAdmits(bundle, event.to);
    // A removed feature's fields are refused everywhere from now on (or, without a tombstone, admitted everywhere).
    case 'feature-removed':
    case 'feature-tombstoned':
      return true;
    case 'level-default-announced':
    case 'level-default-changed':
      return bundleDefaultLevel(event.from, bundle) !== bundleDefaultLevel(event.to, bundle);
    case 'level-default-withdrawn':
      return bundleDefaultLevel(event.default, bundle) !== bundleDefaultLevel(event.to, bundle);
    case 'flag-default-changed':
    case 'flag-default-announced':
    case 'flag-default-withdrawn':
    case 'tombstone-removed':
    case 'feature-tombstone-removed':
    case 'own-flag-rule-changed':
    case 'kind-added':
    case 'kind-removed':
      return true;
    default:
      if ('feature' in event) return levelAdmits(bundle, event.feature.stability);
      if ('flag' in event) return levelAdmits(bundle, event.flag.stability);
      return true;
  }
}

/** One event as a bundle's installers read it: the entry, the advice for this bundle, and the claims it makes. */
export interface BundleEntry {
  event: ReleaseEvent;
  text: string;
  claims: NoteClaim[];
}

/** The part of the notes for the installers of one bundle. */
export interface BundlePart {
  bundle: Stability;
  /** The bundle's default level. */
  level: Stability;
  entries: BundleEntry[];
  /** Claims of the part as a whole ("Nothing changes"). */
  claims: NoteClaim[];
}

function bundleEntry(event: ReleaseEvent, bundle: Stability, level: Stability, to: Snapshot): BundleEntry {
  const entry = (text: string, advice: Advice = noAdvice): BundleEntry => ({ event, text: `${text}${advice.text}`, claims: advice.claims });
  switch (event.type) {
    case 'level-default-announced': {
      const [from, next] = [bundleDefaultLevel(event.from, bundle), bundleDefaultLevel(event.to, bundle)];
      return entry(defaultAnnouncedText(event, from, next), pinAdvice(event.key, from, next, (value) => levelAdmits(bundle, value as Stability), true));
    }
    case 'level-default-changed': {
      const [from, next] = [bundleDefaultLevel(event.from, bundle), bundleDefaultLevel(event.to, bundle)];
      return entry(`**\`${event.key}\`**: the default here changes from \`${from}\` to \`${next}\`.`, pinAdvice(event.key, from, next, () => false, true, 'the old behaviour'));
    }
    case 'flag-default-announced':
      return entry(defaultAnnouncedText(event), pinAdvice(event.flag.key, event.from, event.to, flagValueAccepted(to, event.flag.key, bundle)));
    case 'flag-default-changed':
      return entry(`Flag **\`${event.flag.key}\`**: the default changes from \`${event.from || '""'}\` to \`${event.to || '""'}\`.`, pinAdvice(event.flag.key, event.from, event.to, () => false, false, 'the old behaviour'));
    case 'feature-tombstoned':
      return entry(entryText(event, bundle), removedAdvice(event.feature.name, event.tombstone.paths));
    case 'feature-added':
    case 'feature-promoted':
    case 'feature-demoted':
    case 'feature-changed':
    case 'feature-deprecated':
    case 'feature-deprecation-withdrawn': {
      const newHere = event.type === 'feature-added' ? false : event.type === 'feature-promoted' ? !levelAdmits(bundle, event.from) : false;
      const current = event.type === 'feature-changed' || event.type === 'feature-deprecated' || event.type === 'feature-deprecation-withdrawn' ? to.features[event.feature.name] : undefined;
      const feature = current ? featureRef(event.feature.name, current, to.level.key, to.level.levels, to.level.ownFlagRule) : event.feature;
      return entry(entryText(event, bundle), featureAdvice(feature, bundle, level, newHere));
    }
    default:
      return entry(entryText(event, bundle));
  }
}

/** The parts for installers of each bundle the catalog declares, least permissive first: entries, advice and claims. */
export function bundleParts({ to, events }: Pick<NotesInput, 'to' | 'events'>): BundlePart[] {
  const levels = to.level.levels ?? STABILITIES;
  return BUNDLES.filter((bundle) => levels.includes(bundle)).map((bundle) => {
    const level = bundleDefaultLevel(to.level.default, bundle);
    const entries = events.filter((event) => concernsBundle(event, bundle)).map((event) => bundleEntry(event, bundle, level, to));
    return { bundle, level, entries, claims: entries.length === 0 ? [{ claim: 'unchanged' }] : [] };
  });
}

export interface NotesInput {
  from: Snapshot;
  to: Snapshot;
  events: readonly ReleaseEvent[];
  /** The first release: compared with nothing. */
  first?: boolean;
}

function sectionsMarkdown<T>(items: readonly T[], eventOf: (item: T) => ReleaseEvent, text: (item: T) => string): string[] {
  return groupBySection(items, eventOf).flatMap(({ heading, items: grouped }) => [`### ${heading}`, '', ...grouped.map((item) => `- ${text(item)}`), '']);
}

/**
 * `RELEASE_NOTES.md` for one release: every change under its section, then a part for the
 * installers of each bundle (stable, beta, alpha) with what changes for them.
 */
export function renderReleaseNotes({ from, to, events, first }: NotesInput): string {
  const lines: string[] = [
    `# ${to.catalog} feature gates ${to.version} (${to.date})`,
    '',
    first
      ? `The first release: everything in the catalog is new. Generated by \`featuregates release notes\` from \`releases/${to.version}/features.json\`.`
      : `Changes since ${from.version} (${from.date}), generated by \`featuregates release notes\` from the registry snapshots of both releases under \`releases/\`.`,
    '',
  ];
  if (events.length === 0) {
    lines.push('No feature, flag or default changed in this release.', '');
  } else {
    lines.push(`Package bump the compatibility policy implies: **${highestBump(events.map(bumpFor))}**.`, '', '## All changes', '', ...sectionsMarkdown(events, (event) => event, (event) => entryText(event)));
  }
  for (const { bundle, level, entries } of bundleParts({ to, events })) {
    lines.push(`## For installers of the ${bundle} bundle`, '');
    const offers = bundle === 'stable' ? 'no alpha or beta feature can be turned on' : bundle === 'beta' ? 'beta features can be turned on, alpha ones cannot' : 'every feature can be turned on';
    lines.push(`In the ${bundle} bundle ${offers}; \`${to.level.key}\` defaults to \`${level}\`.`, '');
    if (entries.length === 0) lines.push(`Nothing changes for installers of the ${bundle} bundle.`, '');
    else lines.push(...sectionsMarkdown(entries, (entry) => entry.event, (entry) => entry.text));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
