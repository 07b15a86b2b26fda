import { earliestText } from './messages';
import type { ReleaseEvent } from './types';

/** The CHANGELOG and release-notes sections, in the order they are printed. */
export const SECTIONS = [
  'Action required',
  'New alpha features',
  'New beta features',
  'New stable features',
  'New API versions',
  'Promoted',
  'Deprecated',
  'Removed',
  'Behaviour changes',
] as const;
export type Section = (typeof SECTIONS)[number];

export function sectionOf(event: ReleaseEvent): Section {
  switch (event.type) {
    case 'feature-added':
      return event.feature.stability === 'alpha' ? 'New alpha features' : event.feature.stability === 'beta' ? 'New beta features' : 'New stable features';
    case 'kind-added':
      return 'New API versions';
    case 'feature-promoted':
    case 'flag-promoted':
      return 'Promoted';
    case 'feature-deprecated':
    case 'flag-deprecated':
    case 'flag-value-deprecated':
      return 'Deprecated';
    case 'flag-default-announced':
    case 'level-default-announced':
    case 'flag-default-changed':
    case 'level-default-changed':
      return 'Action required';
    case 'feature-removed':
    case 'feature-tombstoned':
    case 'feature-tombstone-removed':
    case 'flag-tombstoned':
    case 'flag-removed':
    case 'tombstone-removed':
    case 'kind-removed':
      return 'Removed';
    case 'feature-demoted':
    case 'feature-changed':
    case 'feature-deprecation-withdrawn':
    case 'flag-added':
    case 'flag-demoted':
    case 'flag-values-changed':
    case 'flag-default-withdrawn':
    case 'level-default-withdrawn':
    case 'own-flag-rule-changed':
      return 'Behaviour changes';
  }
}

/** The heading an event is listed under; deprecations are grouped by when removal may follow. */
export function headingOf(event: ReleaseEvent): string {
  const section = sectionOf(event);
  if (section !== 'Deprecated' || !('removal' in event)) return section;
  const when = event.removal.kind === 'date' ? earliestText(event.removal) : 'the next release';
  return `Deprecated (removal not before ${when})`;
}

function rank(heading: string): number {
  const index = SECTIONS.findIndex((section) => heading === section || heading.startsWith(`${section} (`));
  return index === -1 ? SECTIONS.length : index;
}

/** Events grouped under their headings, headings in section order (dated deprecations by date). */
export function groupBySection<T>(items: readonly T[], eventOf: (item: T) => ReleaseEvent): { heading: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const heading = headingOf(eventOf(item));
    groups.set(heading, [...(groups.get(heading) ?? []), item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([heading, grouped]) => ({ heading, items: grouped }));
}
