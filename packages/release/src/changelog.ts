/**
 * The changesets changelog module (`.changeset/config.json`: "changelog":
 * ["@featuregates/release/changelog", {}]). Changesets asks for one line per changeset and files
 * the lines under "Major/Minor/Patch Changes"; this module files a package's generated changesets
 * of one bump type under the release sections ("New alpha features", "Promoted", "Deprecated
 * (removal not before DATE)", …). It reads the pending changesets from `.changeset/`, so the
 * whole group is written once, by the group's first changeset (by id), whatever order changesets
 * calls it in; the others return nothing. Works offline: no commit links, no GitHub.
 * Named exports only: changesets reads `getReleaseLine` and `getDependencyReleaseLine` off the
 * module, and a default export beside `__esModule` breaks ESM default imports (publint).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseChangeset, parseSummary, readChangesetDir, type ParsedChangeset } from './changeset-writer';
import { entryText } from './entries';
import { groupBySection } from './sections';
import type { ReleaseEvent } from './types';

/** The parts of changesets' `NewChangesetWithCommit` this module reads. */
export interface ChangesetInput {
  id: string;
  summary: string;
  releases: readonly { name: string; type: string }[];
}

/** The parts of changesets' `ModCompWithPackage` this module reads. */
export interface DependencyInput {
  name: string;
  newVersion: string;
}

export interface ChangelogOptions {
  /** Where the pending changesets are; by default the `.changeset` found from the working directory up. */
  changesetDir?: string;
}

export function findChangesetDir(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, '.changeset', 'config.json'))) return join(dir, '.changeset');
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function plainLine(summary: string): string {
  const [first, ...rest] = summary.trim().split('\n');
  return [`- ${first}`, ...rest.map((line) => (line.trim() ? `  ${line}` : ''))].join('\n').trimEnd();
}

interface Pending extends ParsedChangeset {
  id: string;
}

function pendingChangesets(options: ChangelogOptions | null | undefined): Pending[] {
  const dir = options?.changesetDir ?? findChangesetDir(process.cwd());
  if (!dir) return [];
  return [...readChangesetDir(dir)].map(([file, text]) => ({ id: file.replace(/\.md$/, ''), ...parseChangeset(text) }));
}

/** The markdown of a group: its generated entries under their sections, then other changes. */
export function renderGroup(members: readonly { summary: string; event?: ReleaseEvent }[]): string {
  const withEvents = members.filter((member): member is { summary: string; event: ReleaseEvent } => member.event !== undefined);
  const plain = members.filter((member) => member.event === undefined);
  const blocks = groupBySection(withEvents, (member) => member.event).map(
    ({ heading, items }) => `#### ${heading}\n\n${items.map((item) => `- ${entryText(item.event)}`).join('\n')}`,
  );
  if (plain.length > 0) blocks.push(`${withEvents.length > 0 ? '#### Other changes\n\n' : ''}${plain.map((member) => plainLine(member.summary)).join('\n')}`);
  return blocks.join('\n\n');
}

export async function getReleaseLine(changeset: ChangesetInput, type: string, options?: ChangelogOptions | null): Promise<string> {
  const own = parseSummary(changeset.summary);
  if (changeset.releases.length !== 1) return own.event ? `- ${entryText(own.event)}` : plainLine(changeset.summary);
  const name = changeset.releases[0].name;
  const inGroup = (pending: { releases: readonly { name: string; type: string }[] }) =>
    pending.releases.length === 1 && pending.releases[0].name === name && pending.releases[0].type === type;
  const group = pendingChangesets(options).filter(inGroup);
  if (!group.some((pending) => pending.id === changeset.id)) group.push({ id: changeset.id, releases: [...changeset.releases] as Pending['releases'], ...own });
  group.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (group[0].id !== changeset.id) return '';
  return renderGroup(group);
}

export async function getDependencyReleaseLine(_changesets: readonly ChangesetInput[], dependencies: readonly DependencyInput[]): Promise<string> {
  if (dependencies.length === 0) return '';
  return ['- Updated dependencies:', ...dependencies.map((dependency) => `  - ${dependency.name}@${dependency.newVersion}`)].join('\n');
}

