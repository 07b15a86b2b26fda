/**
 * The steps of a release as the `featuregates release` commands run them, over a workspace on
 * disk: the latest snapshot under `releases/`, the catalog as it is now, `.changeset/`, and the
 * version of the package that holds the catalog.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Registry } from '@featuregates/gates';
import { canonicalJson } from './canonical-json';
import { isIsoDate, today } from './dates';
import { loadCatalog } from './load-catalog';
import { applyChangesetPlan, eventsWithoutChangeset, planChangesets, readChangesetDir, type ChangesetPlan } from './changeset-writer';
import { diffSnapshots, eventSubject } from './diff';
import { DOCS_PATH, renderDocs } from './docs';
import { formatViolation } from './messages';
import { checkPolicy } from './policy';
import { checkReleaseDates } from './release-history';
import { changedSnapshots, recordDigests } from './release-digests';
import { renderReleaseNotes } from './release-notes';
import { latestSnapshot, listReleases, notesPath, previousSnapshot, readSnapshot, snapshotPath, writeSnapshot } from './releases-dir';
import { emptySnapshot, snapshotOf } from './snapshot';
import type { PolicyViolation, ReleaseEvent, Snapshot } from './types';
import { compareVersions } from './versions';
import { findWorkspacePackage } from './workspace';
import { bumpShortfall, datedChangelog, describeShortfall, unrecordedInChangelog } from './version-bump';

/** A mistake the maintainer can fix; the message says how. */
export class ReleaseError extends Error {}

export interface ReleaseContext {
  /** The workspace root. */
  root: string;
  registry: Registry;
  /** Absolute path of `releases/`. */
  releasesDir: string;
  /** Absolute path of `.changeset/`. */
  changesetDir: string;
  /** The package whose version is the release version and whose changesets record catalog events. */
  packageName: string;
  /** The release date (the working tree's, for the policy's windows): ISO `YYYY-MM-DD`. */
  date: string;
}

/** Where the release commands look, relative to the workspace root, unless told otherwise. */
export const DEFAULTS = { releases: 'releases', changesetDir: '.changeset' } as const;

export interface ContextOptions {
  cwd: string;
  /** The built-in catalog, used unless `catalog` names a file. */
  registry: Registry;
  /** A JSON catalog, or a CommonJS module exporting one. */
  catalog?: string;
  releases?: string;
  changesetDir?: string;
  /** The package whose version is the release version (the one whose sources hold the catalog). */
  packageName: string;
  /** ISO date; today (UTC) when omitted. */
  date?: string;
}

/** Resolves the options every release command shares; a bad date or catalog is a ReleaseError. */
export function createReleaseContext(options: ContextOptions): ReleaseContext {
  const date = options.date ?? today();
  if (!isIsoDate(date)) throw new ReleaseError(`invalid date "${date}": want YYYY-MM-DD`);
  let registry = options.registry;
  if (options.catalog) {
    try {
      registry = loadCatalog(options.catalog, options.cwd);
    } catch (error) {
      throw new ReleaseError((error as Error).message);
    }
  }
  return {
    root: options.cwd,
    registry,
    releasesDir: resolve(options.cwd, options.releases ?? DEFAULTS.releases),
    changesetDir: resolve(options.cwd, options.changesetDir ?? DEFAULTS.changesetDir),
    packageName: options.packageName,
    date,
  };
}

const where = (ctx: ReleaseContext, path: string): string => relative(ctx.root, path) || '.';

export function requireLatest(ctx: ReleaseContext): Snapshot {
  const latest = latestSnapshot(ctx.releasesDir);
  if (!latest) {
    throw new ReleaseError(`no released snapshot under ${where(ctx, ctx.releasesDir)}/: freeze the first release with \`featuregates release snapshot --version VERSION --date YYYY-MM-DD\``);
  }
  return latest;
}

/** The working tree as the next release would freeze it (notices dated by `ctx.date` unless already released). */
export function treeSnapshot(ctx: ReleaseContext, version = 'unreleased'): Snapshot {
  const previous = latestSnapshot(ctx.releasesDir);
  return snapshotOf(ctx.registry, { version, date: ctx.date, ...(previous ? { previous } : {}) });
}

export interface DiffResult {
  from: Snapshot;
  to: Snapshot;
  events: ReleaseEvent[];
}

/** What changed from a release (the latest by default) to the working tree. */
export function releaseDiff(ctx: ReleaseContext, fromVersion?: string): DiffResult {
  const latest = requireLatest(ctx);
  let from = latest;
  if (fromVersion) {
    try {
      from = readSnapshot(ctx.releasesDir, fromVersion);
    } catch (error) {
      throw new ReleaseError((error as Error).message);
    }
  }
  const to = treeSnapshot(ctx);
  return { from, to, events: diffSnapshots(from, to) };
}

export interface CheckResult extends DiffResult {
  violations: PolicyViolation[];
  /** Events no changeset records yet. */
  unrecorded: ReleaseEvent[];
  /** A version `changeset version` cut whose snapshot is not written yet. */
  unfrozen?: string;
  /** Why that cut version cannot be frozen as it is: too low a bump, changes missing from its CHANGELOG. */
  cutProblems: string[];
  /** Released snapshots that changed since they were released (`releases/SHA256SUMS`). */
  changed: string[];
  ok: boolean;
}

/**
 * Why `version`, cut from `previous`, cannot hold these changes: a bump lower than the policy
 * implies, or (where the package keeps a CHANGELOG.md) changes no changeset recorded. Each says
 * how to redo the cut, since running `release changeset` now would record the changes twice.
 */
function versionProblems(packageDir: string, previous: string, version: string, events: readonly ReleaseEvent[]): string[] {
  const problems: string[] = [];
  const redo = 'undo the version cut (git checkout -- . in the package), run featuregates release changeset, then npx changeset version again';
  const shortfall = bumpShortfall(previous, version, events);
  if (shortfall) problems.push(`${describeShortfall(version, previous, shortfall)}: ${redo}`);
  const changelogFile = join(packageDir, 'CHANGELOG.md');
  if (existsSync(changelogFile)) {
    const missing = unrecordedInChangelog(readFileSync(changelogFile, 'utf8'), version, events);
    if (missing.length > 0) problems.push(`the CHANGELOG of ${version} does not record ${missing.map(eventSubject).join(', ')} (no changeset): ${redo}`);
  }
  return problems;
}

/** Date problems across every release so far, with `next` (the tree or the release being frozen) last. */
function releasedDates(ctx: ReleaseContext, next: Snapshot): PolicyViolation[] {
  const released = listReleases(ctx.releasesDir).filter((version) => version !== next.version);
  return checkReleaseDates([...released.map((version) => readSnapshot(ctx.releasesDir, version)), next]);
}

/** The release check CI runs: the policy over the changes since the latest release, and every change recorded. */
export function releaseCheck(ctx: ReleaseContext): CheckResult {
  const { from, to, events } = releaseDiff(ctx);
  const violations = [...releasedDates(ctx, to), ...checkPolicy(from, to, events, ctx.registry.compatibility)];
  const pkg = findWorkspacePackage(ctx.root, ctx.packageName);
  const unfrozen = pkg && compareVersions(pkg.version, from.version) > 0 ? pkg.version : undefined;
  const unrecorded = unfrozen || !existsSync(ctx.changesetDir) ? [] : eventsWithoutChangeset(events, readChangesetDir(ctx.changesetDir));
  const cutProblems = unfrozen && pkg ? versionProblems(pkg.dir, from.version, unfrozen, events) : [];
  const changed = changedSnapshots(ctx.releasesDir, (path) => where(ctx, path));
  return { from, to, events, violations, unrecorded, ...(unfrozen ? { unfrozen } : {}), cutProblems, changed, ok: violations.length === 0 && unrecorded.length === 0 && !unfrozen && changed.length === 0 };
}

/** The lines `release check` prints for a result, failures first. */
export function checkReport(result: CheckResult, ctx: ReleaseContext): string[] {
  const lines = [...result.changed.map((problem) => `[snapshot] ${problem}`), ...result.violations.map(formatViolation)];
  for (const event of result.unrecorded) lines.push(`[changeset] no changeset records "${event.type}" of ${eventSubject(event)}: run featuregates release changeset`);
  for (const problem of result.cutProblems) lines.push(`[version] ${problem}`);
  if (result.unfrozen && result.cutProblems.length === 0) {
    lines.push(`[snapshot] ${ctx.packageName} is at ${result.unfrozen} but ${where(ctx, snapshotPath(ctx.releasesDir, result.unfrozen))} does not exist: run featuregates release snapshot`);
  }
  return lines;
}

export interface ChangesetResult {
  events: ReleaseEvent[];
  plan: ChangesetPlan;
}

/** One changeset per event since the latest release; stale generated ones are removed. */
export function releaseChangesets(ctx: ReleaseContext, options: { dryRun?: boolean } = {}): ChangesetResult {
  const { events } = releaseDiff(ctx);
  const plan = planChangesets(events, ctx.packageName, readChangesetDir(ctx.changesetDir), { prune: true });
  if (!options.dryRun) applyChangesetPlan(ctx.changesetDir, plan);
  return { events, plan };
}

export interface SnapshotResult {
  snapshot: Snapshot;
  snapshotFile: string;
  notesFile: string;
  events: ReleaseEvent[];
  /** False when the same snapshot was already there. */
  written: boolean;
}

/**
 * Freezes the working tree as release `version` (by default the catalog package's version, as
 * `changeset version` left it) and writes its RELEASE_NOTES.md. A release that breaks the
 * policy is not frozen; a released snapshot is never rewritten.
 */
export function releaseSnapshot(ctx: ReleaseContext, options: { version?: string } = {}): SnapshotResult {
  const version = options.version ?? findWorkspacePackage(ctx.root, ctx.packageName)?.version;
  if (!version) throw new ReleaseError(`cannot tell the release version: no workspace package, nor the root package.json, is named "${ctx.packageName}"; pass --version, or --package with the package that holds the catalog`);
  const changed = changedSnapshots(ctx.releasesDir, (path) => where(ctx, path));
  if (changed.length > 0) throw new ReleaseError(`release ${version} cannot be frozen:\n${changed.map((problem) => `[snapshot] ${problem}`).join('\n')}`);
  const known = listReleases(ctx.releasesDir);
  const latest = known[known.length - 1];
  if (latest && compareVersions(version, latest) < 0) throw new ReleaseError(`release ${version} is older than the latest release ${latest}`);
  const previous = previousSnapshot(ctx.releasesDir, version);
  const snapshot = snapshotOf(ctx.registry, { version, date: ctx.date, ...(previous ? { previous } : {}) });
  const file = snapshotPath(ctx.releasesDir, version);
  if (existsSync(file)) {
    if (readFileSync(file, 'utf8') !== canonicalJson(snapshot)) {
      throw new ReleaseError(`${where(ctx, file)} exists and differs from the catalog: a released snapshot is never rewritten; cut a new version first (npx changeset version)`);
    }
  }
  const from = previous ?? emptySnapshot(snapshot.catalog, snapshot.level.key, snapshot.level.default);
  const events = diffSnapshots(from, snapshot);
  const misdated = releasedDates(ctx, snapshot).map(formatViolation);
  const packageDir = findWorkspacePackage(ctx.root, ctx.packageName)?.dir ?? ctx.root;
  const cut = previous ? versionProblems(packageDir, previous.version, version, events) : [];
  if (misdated.length + cut.length > 0) throw new ReleaseError(`release ${version} cannot be frozen:\n${[...misdated, ...cut].join('\n')}`);
  if (previous) {
    const violations = checkPolicy(previous, snapshot, events, ctx.registry.compatibility);
    if (violations.length > 0) throw new ReleaseError(`release ${version} breaks the compatibility policy:\n${violations.map(formatViolation).join('\n')}`);
  }
  const written = !existsSync(file);
  if (written) writeSnapshot(ctx.releasesDir, snapshot);
  recordDigests(ctx.releasesDir);
  const changelogFile = join(packageDir, 'CHANGELOG.md');
  if (existsSync(changelogFile)) writeFileSync(changelogFile, datedChangelog(readFileSync(changelogFile, 'utf8'), version, ctx.date));
  const notesFile = notesPath(ctx.releasesDir, version);
  writeFileSync(notesFile, renderReleaseNotes({ from, to: snapshot, events, first: !previous }));
  return { snapshot, snapshotFile: file, notesFile, events, written };
}

/** The RELEASE_NOTES.md a released version's snapshot (and the one before it) generate. */
function renderNotesOf(ctx: ReleaseContext, version: string): string {
  let to: Snapshot;
  try {
    to = readSnapshot(ctx.releasesDir, version);
  } catch (error) {
    throw new ReleaseError((error as Error).message);
  }
  const previous = previousSnapshot(ctx.releasesDir, version);
  const from = previous ?? emptySnapshot(to.catalog, to.level.key, to.level.default);
  return renderReleaseNotes({ from, to, events: diffSnapshots(from, to), first: !previous });
}

/** RELEASE_NOTES.md of a released version (written beside its snapshot), or a preview for the working tree. */
export function releaseNotes(ctx: ReleaseContext, version?: string): { text: string; file?: string } {
  if (!version) {
    const { from, to, events } = releaseDiff(ctx);
    return { text: renderReleaseNotes({ from, to, events }) };
  }
  const text = renderNotesOf(ctx, version);
  const file = notesPath(ctx.releasesDir, version);
  writeFileSync(file, text);
  return { text, file };
}

/** Every released version whose committed RELEASE_NOTES.md is missing or differs from a fresh generation. */
export function staleReleaseNotes(ctx: ReleaseContext): string[] {
  return listReleases(ctx.releasesDir).filter((version) => {
    const file = notesPath(ctx.releasesDir, version);
    return !existsSync(file) || readFileSync(file, 'utf8') !== renderNotesOf(ctx, version);
  });
}

/** `docs/features.md` for a registry (nothing in it depends on a date). */
export function docsFor(registry: Registry): string {
  return renderDocs(snapshotOf(registry, { version: 'unreleased', date: '1970-01-01' }));
}

export function writeDocs(root: string, registry: Registry, path = DOCS_PATH): string {
  const file = resolve(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, docsFor(registry));
  return file;
}

/** Whether the committed docs equal a fresh generation; the message says how to fix them. */
export function docsCheck(root: string, registry: Registry, path = DOCS_PATH): { fresh: boolean; message: string } {
  const file = resolve(root, path);
  if (!existsSync(file)) return { fresh: false, message: `${path} is missing: run featuregates docs` };
  if (readFileSync(file, 'utf8') !== docsFor(registry)) return { fresh: false, message: `${path} is stale (it differs from a fresh generation from the catalog): run featuregates docs, then commit it` };
  return { fresh: true, message: `${path} is fresh` };
}
