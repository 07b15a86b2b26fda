import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bumpFor } from './bump';
import { eventId } from './diff';
import { entryText } from './entries';
import { headingOf } from './sections';
import type { Bump, ReleaseEvent } from './types';

/** The marker that carries a generated changeset's event; the changelog module renders from it. */
const MARKER = /<!-- featuregates:event (\{[\s\S]*?\}) -->/;

export interface ParsedChangeset {
  releases: { name: string; type: Bump | 'none' }[];
  summary: string;
  /** Present when `featuregates release changeset` wrote it. */
  event?: ReleaseEvent;
}

export function changesetFileName(event: ReleaseEvent): string {
  return `fg-${eventId(event).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.md`;
}

/** One changeset for one event: the package bump the policy implies, a readable summary, the event as data. */
export function renderChangeset(event: ReleaseEvent, packageName: string): string {
  const data = JSON.stringify(event).replace(/--/g, '-\\u002d');
  return `---\n${JSON.stringify(packageName)}: ${bumpFor(event)}\n---\n\n${headingOf(event)}: ${entryText(event)}\n\n<!-- featuregates:event ${data} -->\n`;
}

/** Reads a changeset file: its front matter (package bumps), its summary and, if generated, its event. */
export function parseChangeset(text: string): ParsedChangeset {
  const match = /^\s*---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return { releases: [], ...parseSummary(text) };
  const releases = match[1]
    .split(/\r?\n/)
    .map((line) => /^\s*(?:"([^"]+)"|'([^']+)'|([^\s:"']+))\s*:\s*(major|minor|patch|none)\s*$/.exec(line))
    .filter((found): found is RegExpExecArray => found !== null)
    .map((found) => ({ name: found[1] ?? found[2] ?? found[3], type: found[4] as Bump | 'none' }));
  return { releases, ...parseSummary(match[2]) };
}

/** A changeset's summary: the readable text and, if generated, the event it carries. */
export function parseSummary(body: string): Pick<ParsedChangeset, 'summary' | 'event'> {
  const marker = MARKER.exec(body);
  let event: ReleaseEvent | undefined;
  if (marker) {
    try {
      event = JSON.parse(marker[1]) as ReleaseEvent;
    } catch {
      event = undefined;
    }
  }
  return { summary: body.replace(MARKER, '').trim(), ...(event ? { event } : {}) };
}

export interface ChangesetPlan {
  /** Files to create or overwrite, by name inside `.changeset/`. */
  write: { file: string; content: string }[];
  /** Generated changesets whose event is gone from the diff. */
  remove: string[];
  unchanged: string[];
}

/**
 * What `.changeset/` should hold for these events: one generated changeset per event (an
 * existing one is kept when unchanged, rewritten when the event changed); with `prune`,
 * generated changesets for events no longer in the diff go. Hand-written changesets are never touched.
 */
export function planChangesets(events: readonly ReleaseEvent[], packageName: string, existing: ReadonlyMap<string, string>, options: { prune?: boolean } = {}): ChangesetPlan {
  const generated = new Map<string, string>();
  for (const [file, text] of existing) {
    const parsed = parseChangeset(text);
    if (parsed.event) generated.set(eventId(parsed.event), file);
  }
  const plan: ChangesetPlan = { write: [], remove: [], unchanged: [] };
  const wanted = new Set<string>();
  for (const event of events) {
    const id = eventId(event);
    wanted.add(id);
    const content = renderChangeset(event, packageName);
    const file = generated.get(id) ?? changesetFileName(event);
    if (existing.get(file) === content) plan.unchanged.push(file);
    else plan.write.push({ file, content });
  }
  if (options.prune) {
    for (const [id, file] of generated) if (!wanted.has(id)) plan.remove.push(file);
  }
  return plan;
}

/** Events that no changeset in `.changeset/` records yet. */
export function eventsWithoutChangeset(events: readonly ReleaseEvent[], existing: ReadonlyMap<string, string>): ReleaseEvent[] {
  const recorded = new Set<string>();
  for (const text of existing.values()) {
    const parsed = parseChangeset(text);
    if (parsed.event) recorded.add(eventId(parsed.event));
  }
  return events.filter((event) => !recorded.has(eventId(event)));
}

/** The pending changesets of a `.changeset/` directory, by file name (its README excluded). */
export function readChangesetDir(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.md') && !/^readme\.md$/i.test(name) && !name.startsWith('.')) files.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  return files;
}

export function applyChangesetPlan(dir: string, plan: ChangesetPlan): void {
  mkdirSync(dir, { recursive: true });
  for (const { file, content } of plan.write) writeFileSync(join(dir, file), content);
  for (const file of plan.remove) rmSync(join(dir, file), { force: true });
}
