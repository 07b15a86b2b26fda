import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, diffSnapshots, emptySnapshot, falseClaims, listReleases, previousSnapshot, readSnapshot, rebuiltDisagreements, snapshotPath } from '@featuregates/release';
import { tektonCatalog } from '@featuregates/tekton';

const releasesDir = join(__dirname, '../../../releases');
const versions = listReleases(releasesDir);

describe("Tekton's released notes cannot lie", () => {
  it('has releases to check', () => {
    expect(versions).toContain('0.1.0');
  });

  it.each(versions)('release %s: every claim of the per-bundle notes holds under evaluate at the bundle\'s ceiling and defaults', (version) => {
    const to = readSnapshot(releasesDir, version);
    const from = previousSnapshot(releasesDir, version) ?? emptySnapshot(to.catalog, to.level.key, to.level.default);
    expect(falseClaims(from, to, diffSnapshots(from, to))).toEqual([]);
  });

  it.each(versions)('release %s: features.json is canonical JSON', (version) => {
    const text = readFileSync(snapshotPath(releasesDir, version), 'utf8');
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });

  it("rebuilds from the current catalog's snapshot a registry that decides every use as the catalog does", () => {
    expect(rebuiltDisagreements(tektonCatalog)).toEqual([]);
  });
});
