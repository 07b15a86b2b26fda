import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from './canonical-json';
import type { Snapshot } from './types';
import { compareVersions, isVersion } from './versions';

/** `releases/<version>/features.json`: one frozen registry per release of ours. */
export const SNAPSHOT_FILE = 'features.json';
export const NOTES_FILE = 'RELEASE_NOTES.md';

export function snapshotPath(releasesDir: string, version: string): string {
  return join(releasesDir, version, SNAPSHOT_FILE);
}

export function notesPath(releasesDir: string, version: string): string {
  return join(releasesDir, version, NOTES_FILE);
}

/** The released versions that have a snapshot, oldest first. */
export function listReleases(releasesDir: string): string[] {
  if (!existsSync(releasesDir)) return [];
  return readdirSync(releasesDir)
    .filter((name) => isVersion(name) && existsSync(snapshotPath(releasesDir, name)))
    .sort(compareVersions);
}

export function readSnapshot(releasesDir: string, version: string): Snapshot {
  const path = snapshotPath(releasesDir, version);
  if (!existsSync(path)) {
    const known = listReleases(releasesDir);
    throw new Error(`no snapshot for release ${version} (${path})${known.length > 0 ? `; released: ${known.join(', ')}` : ''}`);
  }
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  if (snapshot.schema !== 1) throw new Error(`${path}: unknown snapshot schema ${JSON.stringify(snapshot.schema)}`);
  return snapshot;
}

export function latestSnapshot(releasesDir: string): Snapshot | undefined {
  const versions = listReleases(releasesDir);
  return versions.length > 0 ? readSnapshot(releasesDir, versions[versions.length - 1]) : undefined;
}

/** The release before `version` (whether or not `version` has a snapshot yet). */
export function previousSnapshot(releasesDir: string, version: string): Snapshot | undefined {
  const earlier = listReleases(releasesDir).filter((known) => compareVersions(known, version) < 0);
  return earlier.length > 0 ? readSnapshot(releasesDir, earlier[earlier.length - 1]) : undefined;
}

/** Writes the snapshot as canonical JSON; returns its path. */
export function writeSnapshot(releasesDir: string, snapshot: Snapshot): string {
  const path = snapshotPath(releasesDir, snapshot.version);
  mkdirSync(join(releasesDir, snapshot.version), { recursive: true });
  writeFileSync(path, canonicalJson(snapshot));
  return path;
}
