/**
 * `releases/SHA256SUMS`: the digest of every released `features.json`, one `sha256sum` line each
 * (`cd releases && sha256sum -c SHA256SUMS` checks them by hand). `release snapshot` adds a line
 * when it freezes a release and never rewrites one; `release check` refuses a released snapshot
 * whose digest changed. Plain files, so it works in a fresh clone without tags.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listReleases, SNAPSHOT_FILE, snapshotPath } from './releases-dir';
import { compareVersions } from './versions';

export const DIGESTS_FILE = 'SHA256SUMS';

export function digestsPath(releasesDir: string): string {
  return join(releasesDir, DIGESTS_FILE);
}

/** The sha256 of a snapshot file (line endings normalised, so a CRLF checkout gives the same digest). */
export function snapshotDigest(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

const LINE = /^([0-9a-f]{64}) [ *](\S+)\/features\.json$/;

/** The recorded digests by version; undefined when the file does not exist (a project that never recorded any). */
export function readDigests(releasesDir: string): Map<string, string> | undefined {
  const file = digestsPath(releasesDir);
  if (!existsSync(file)) return undefined;
  const digests = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = LINE.exec(line.trim());
    if (match) digests.set(match[2], match[1]);
  }
  return digests;
}

function fileDigest(releasesDir: string, version: string): string {
  return snapshotDigest(readFileSync(snapshotPath(releasesDir, version), 'utf8'));
}

/**
 * Every released snapshot that is not as it was released, in words that name the file and say
 * what to do; `where` shows a path relative to the workspace.
 */
export function changedSnapshots(releasesDir: string, where: (path: string) => string = (path) => path): string[] {
  const digests = readDigests(releasesDir);
  if (!digests) return [];
  const sums = where(digestsPath(releasesDir));
  const problems: string[] = [];
  for (const version of listReleases(releasesDir)) {
    const file = where(snapshotPath(releasesDir, version));
    const recorded = digests.get(version);
    const actual = fileDigest(releasesDir, version);
    if (recorded === undefined) {
      problems.push(`${file} is not recorded in ${sums}: releases are frozen by featuregates release snapshot, which records them; remove the file and freeze the release with it`);
    } else if (recorded !== actual) {
      problems.push(
        `${file} changed after it was released (${sums} records sha256 ${recorded.slice(0, 12)}…, the file has ${actual.slice(0, 12)}…): a released snapshot is never rewritten; restore it (git checkout -- ${file}; git log -p ${file} shows the change) and make the change in the catalog for the next release`,
      );
    }
  }
  for (const version of digests.keys()) {
    if (!existsSync(snapshotPath(releasesDir, version))) problems.push(`${where(snapshotPath(releasesDir, version))} is recorded in ${sums} but missing: restore it from git`);
  }
  return problems;
}

/** Records the digests of released snapshots not yet in the file (all of them when it is new); recorded lines are kept as they are. */
export function recordDigests(releasesDir: string): void {
  const digests = readDigests(releasesDir) ?? new Map<string, string>();
  for (const version of listReleases(releasesDir)) if (!digests.has(version)) digests.set(version, fileDigest(releasesDir, version));
  const lines = [...digests.entries()].sort(([a], [b]) => compareVersions(a, b)).map(([version, digest]) => `${digest}  ${version}/${SNAPSHOT_FILE}`);
  writeFileSync(digestsPath(releasesDir), `${lines.join('\n')}\n`);
}
