import { bumpFor, highestBump } from './bump';
import { eventSubject } from './diff';
import { entryText } from './entries';
import type { Bump, ReleaseEvent } from './types';
import { compareVersions } from './versions';

/** The version a bump makes of a release version (changesets' rule: a major bump of 0.x goes to 1.0.0). */
export function bumpVersion(version: string, bump: Bump): string {
  const [major, minor, patch] = version.replace(/^v/, '').split(/[.-]/).map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

export interface BumpShortfall {
  /** The bump the events call for. */
  needed: Bump;
  /** The lowest version that bump allows. */
  atLeast: string;
  /** The events that call for it. */
  because: ReleaseEvent[];
}

/** Whether `version` is too low for the changes since `previous`; undefined when it is high enough. */
export function bumpShortfall(previous: string, version: string, events: readonly ReleaseEvent[]): BumpShortfall | undefined {
  const needed = highestBump(events.map(bumpFor));
  if (events.length === 0) return undefined;
  const atLeast = bumpVersion(previous, needed);
  if (compareVersions(version, atLeast) >= 0) return undefined;
  return { needed, atLeast, because: events.filter((event) => bumpFor(event) === needed) };
}

/** The section `## VERSION` of a CHANGELOG.md, up to the next version heading. */
export function changelogSection(changelog: string, version: string): string | undefined {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${version}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && /^## \S/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Events whose entry is missing from the version's CHANGELOG section: changes no changeset recorded. */
export function unrecordedInChangelog(changelog: string | undefined, version: string, events: readonly ReleaseEvent[]): ReleaseEvent[] {
  const section = changelog === undefined ? undefined : changelogSection(changelog, version);
  if (section === undefined) return [...events];
  return events.filter((event) => !section.includes(entryText(event)));
}

export function describeShortfall(version: string, previous: string, shortfall: BumpShortfall): string {
  const why = shortfall.because.map(eventSubject).join(', ');
  return `version ${version} is too low: the changes since ${previous} call for a ${shortfall.needed} bump (${why}), so at least ${shortfall.atLeast}`;
}

/** The line under a version's CHANGELOG heading that dates the release. */
export function releasedLine(date: string): string {
  return `_Released ${date}_`;
}

/** The CHANGELOG with the version's heading followed by its release date (unchanged when it is dated or absent). */
export function datedChangelog(changelog: string, version: string, date: string): string {
  const lines = changelog.split('\n');
  const heading = lines.findIndex((line) => line.trim() === `## ${version}`);
  if (heading < 0) return changelog;
  const next = lines.slice(heading + 1).find((line) => line.trim() !== '');
  if (next !== undefined && /^_Released \d{4}-\d{2}-\d{2}_$/.test(next.trim())) return changelog;
  lines.splice(heading + 1, 0, '', releasedLine(date));
  return lines.join('\n');
}
