/**
 * The release drill: in a temporary git clone of this repository, a maintainer's three dated
 * releases of Tekton's catalog, driven only by the generators and commands the README's
 * "Releasing: for maintainers" section names. After each release, what CI runs on the release
 * commit passes: every package's unit tests, `docs --check` and `release notes --check`; no step
 * asks for a build beyond the one `npm ci` runs. A release that breaks a package's tests (a test
 * that counts the live catalog) fails here, before a maintainer meets it.
 */
import { bumpVersion, changelogSection, compareVersions, highestBump, type Bump } from '@featuregates/release';
import { cutRelease, failureReport, featuregates, generate, generatedFiles, markdownSection, packageVersions, releaseChecks, type CutRelease } from './support/release-drill';
import { cloneWorkspace, type WorkspaceClone } from './support/workspace-clone';

/**
 * The release dates. R2 ships the deprecations and a default's announcement; R3 comes after every
 * window they open (12 months for a feature on a v1 kind, 9 for a beta flag), so the removals and
 * the flip are allowed on its date.
 */
const R1 = '2027-01-15';
const R2 = '2027-02-15';
const R3 = '2028-03-01';

const CATALOG_PACKAGE = '@featuregates/tekton';
const TOOLING = ['@featuregates/gates', '@featuregates/sources', '@featuregates/webhook', '@featuregates/behaviors', '@featuregates/testing', '@featuregates/release', '@featuregates/cli', '@featuregates/policy'];
// Each release runs every package's unit tests once: minutes on two cores.
const RELEASE_TIMEOUT = 15 * 60 * 1000;

let clone: WorkspaceClone;
const released: string[] = [];

beforeAll(() => {
  clone = cloneWorkspace('fg-release-drill-');
}, 10 * 60 * 1000);

afterAll(() => clone?.remove());

/** The changes since the latest release, as the CLI lists them, with the bump each implies. */
function pendingChanges(): { events: Array<{ type: string; bump: Bump }>; text: string } {
  const json = featuregates(clone, ['release', 'diff', '--output', 'json']);
  expect(json.status).toBe(0);
  const text = featuregates(clone, ['release', 'diff']);
  return { events: (JSON.parse(json.stdout) as { events: Array<{ type: string; bump: Bump }> }).events, text: text.stdout };
}

/** The changesets under .changeset with their contents. */
function changesets(): Map<string, string> {
  return new Map(clone.list('.changeset').filter((file) => file.endsWith('.md') && file !== 'README.md').map((file) => [file, clone.read(`.changeset/${file}`)]));
}

/** Cuts the release, then runs CI's checks on it; every step must pass. */
function release(date: string): CutRelease & { bump: Bump; before: Record<string, string>; after: Record<string, string> } {
  const before = packageVersions(clone);
  const bump = highestBump(pendingChanges().events.map((event) => event.bump));
  const cut = cutRelease(clone, date);
  if (cut.failed) throw new Error(`the release of ${date} failed:\n${failureReport(cut.steps)}`);
  const checks = releaseChecks(clone);
  const report = failureReport(checks);
  if (report) throw new Error(`after the release of ${date} (${cut.version}), CI fails:\n${report}`);
  released.push(cut.version);
  return { ...cut, bump, before, after: packageVersions(clone) };
}

/** The policy versions the catalog on its own: a catalog release leaves every other package's version as it was. */
function expectCatalogBumpedAlone(cut: { before: Record<string, string>; after: Record<string, string> }): void {
  const { [CATALOG_PACKAGE]: catalogBefore, ...othersBefore } = cut.before;
  const { [CATALOG_PACKAGE]: catalogAfter, ...othersAfter } = cut.after;
  expect(compareVersions(catalogAfter, catalogBefore)).toBe(1);
  expect(othersAfter).toEqual(othersBefore);
}

const tektonChangelog = (version: string): string => changelogSection(clone.read('packages/tekton/CHANGELOG.md'), version) ?? '';
const notesOf = (version: string): string => clone.read(`releases/${version}/RELEASE_NOTES.md`);
const bundlePart = (notes: string, bundle: string): string => markdownSection(notes, `## For installers of the ${bundle} bundle`);

describe('a maintainer drives three releases of the catalog through the generators and commands alone', () => {
  it(`${R1}: a feature with its own flag and a flag are added, alpha, and a beta flag`, () => {
    const feature = generate(clone, 'feature', [
      'step-cache',
      '--uses', 'Step:cache',
      '--flag', 'enable-step-cache',
      '--description', "Cache a step's outputs between runs.",
      '--release', 'v1.16.0',
      '--date', R1,
    ]);
    // The CLI reads the catalog from source: right after the generator, with no build, it sees the change.
    expect(pendingChanges().text).toContain('feature added: step-cache (alpha, own flag enable-step-cache)');
    generate(clone, 'flag', ['enable-fast-clone', '--stability', 'alpha', '--description', 'Clone with --depth 1.', '--date', R1]);
    expect(pendingChanges().text).toContain('flag added: enable-fast-clone');
    generate(clone, 'flag', ['keep-step-logs', '--stability', 'beta', '--description', 'Keep the logs of finished steps.', '--date', R1]);
    expect(pendingChanges().text).toContain('flag added: keep-step-logs (bool, default "false", beta)');

    const written = generatedFiles(feature).filter((file) => file.startsWith('.changeset/'));
    expect(written).toEqual(expect.arrayContaining(['.changeset/fg-feature-added-step-cache.md', '.changeset/fg-flag-added-enable-step-cache.md']));
    const generated = changesets();
    const kept = featuregates(clone, ['release', 'changeset', '--date', R1]);
    expect(kept.status).toBe(0);
    // `release changeset` keeps what the generators wrote, byte for byte.
    for (const file of written) expect(changesets().get(file.replace('.changeset/', ''))).toBe(generated.get(file.replace('.changeset/', '')));

    const cut = release(R1);
    // Changesets pending from before the drill may ask more of the catalog package; never less than the policy.
    expect(compareVersions(cut.version, bumpVersion(cut.before[CATALOG_PACKAGE], cut.bump))).toBeGreaterThanOrEqual(0);
    const changelog = tektonChangelog(cut.version);
    expect(changelog.trim().split('\n')[0]).toBe(`_Released ${R1}_`);
    expect(markdownSection(changelog, '#### New alpha features')).toContain("- **`step-cache`** (alpha): Cache a step's outputs between runs.");
    expect(changelog).toContain('- New flag **`enable-fast-clone`** (bool, default `false`, alpha; in the alpha bundle): Clone with --depth 1.');
    const notes = notesOf(cut.version);
    expect(markdownSection(notes, '### New alpha features')).toContain('**`step-cache`** (alpha)');
    expect(bundlePart(notes, 'alpha')).toContain('Off by default: set `enable-step-cache: "true"` to use it');
    expect(bundlePart(notes, 'stable')).not.toContain('step-cache');
    expect(changesets().size).toBe(0);
    // The tooling packages move together (changesets `fixed`), by their own changesets.
    expect(new Set(TOOLING.map((name) => cut.after[name])).size).toBe(1);
  }, RELEASE_TIMEOUT);

  it(`${R2}: the feature and the flag are promoted to beta and deprecated; a flag's new default is announced`, () => {
    generate(clone, 'promote', ['step-cache', '--release', 'v1.17.0', '--date', R2]);
    expect(pendingChanges().text).toContain('feature promoted: step-cache alpha → beta');
    generate(clone, 'promote', ['enable-fast-clone', '--release', 'v1.17.0', '--date', R2]);
    generate(clone, 'deprecate', ['step-cache', '--message', 'Use a workspace cache instead.', '--replacedBy', 'workspace-cache', '--release', 'v1.17.0', '--date', R2]);
    generate(clone, 'deprecate', ['enable-fast-clone', '--message', 'Shallow clones are now automatic.', '--release', 'v1.17.0', '--date', R2]);
    generate(clone, 'default', ['keep-step-logs', '--to', 'true', '--message', 'Finished steps will keep their logs.', '--release', 'v1.17.0', '--date', R2]);
    const pending = pendingChanges();
    expect(pending.events.map((event) => event.bump)).toEqual(pending.events.map(() => 'minor'));
    expect(pending.text).toContain('feature deprecated: step-cache (beta): removal not before 2028-02-15');
    expect(pending.text).toContain('flag deprecated: enable-fast-clone: removal not before 2027-11-15');
    // A beta flag's default may flip 9 months after the announcement ships.
    expect(pending.text).toContain('flag default change announced: keep-step-logs "false" → "true" not before 2027-11-15');

    const cut = release(R2);
    expect(cut.version).toBe(bumpVersion(cut.before[CATALOG_PACKAGE], 'minor'));
    expectCatalogBumpedAlone(cut);
    const changelog = tektonChangelog(cut.version);
    expect(changelog.trim().split('\n')[0]).toBe(`_Released ${R2}_`);
    expect(markdownSection(changelog, '#### Promoted')).toContain('- **`step-cache`** from alpha to beta');
    expect(markdownSection(changelog, '#### Deprecated (removal not before 2028-02-15)')).toContain('- **`step-cache`** (beta): Use a workspace cache instead. Removal not before 2028-02-15.');
    expect(markdownSection(changelog, '#### Deprecated (removal not before 2027-11-15)')).toContain('Flag **`enable-fast-clone`**');
    const notes = notesOf(cut.version);
    expect(markdownSection(notes, '### Deprecated (removal not before 2028-02-15)')).toContain('- **`step-cache`** (beta): Use a workspace cache instead. Removal not before 2028-02-15.');
    expect(markdownSection(bundlePart(notes, 'beta'), '### Promoted')).toContain('**`step-cache`** from alpha to beta');
    // The announcement heads the notes: the flip date, and what to pin to keep today's behaviour or adopt the new one.
    const announced = 'Flag **`keep-step-logs`**';
    expect(markdownSection(changelog, '#### Action required')).toContain(announced);
    const action = markdownSection(notes, '### Action required');
    expect(action).toContain(announced);
    expect(action).toContain('the default will change from `false` to `true`: Finished steps will keep their logs. Flip not before 2027-11-15.');
    expect(action).toContain('Pin `keep-step-logs: "false"` to keep today\'s behaviour');
    expect(notes.indexOf('### Action required')).toBeLessThan(notes.indexOf('### Deprecated'));
  }, RELEASE_TIMEOUT);

  it(`${R3}: once the windows have run, the feature and the flag are removed, leaving tombstones, and the default flips`, () => {
    generate(clone, 'remove', ['step-cache', '--note', 'use a workspace cache instead', '--release', 'v1.20.0', '--date', R3]);
    expect(pendingChanges().text).toContain('feature removed: step-cache');
    generate(clone, 'remove', ['enable-fast-clone', '--note', 'shallow clones are automatic', '--release', 'v1.20.0', '--date', R3]);
    generate(clone, 'default', ['keep-step-logs', '--flip', '--release', 'v1.20.0', '--date', R3]);
    const pending = pendingChanges();
    expect(pending.events.map((event) => event.bump)).toEqual(pending.events.map(() => 'major'));
    expect(pending.text).toContain('flag default changed: keep-step-logs "false" → "true"');

    const cut = release(R3);
    expect(cut.version).toBe(bumpVersion(cut.before[CATALOG_PACKAGE], 'major'));
    expectCatalogBumpedAlone(cut);
    const changelog = tektonChangelog(cut.version);
    expect(changelog.trim().split('\n')[0]).toBe(`_Released ${R3}_`);
    const removed = markdownSection(changelog, '#### Removed');
    expect(removed).toContain('- **`step-cache`** (was beta): removed in v1.20.0: use a workspace cache instead');
    expect(removed).toContain('Flag **`enable-fast-clone`** (was beta): removed; a ConfigMap that still sets it loads with a warning');
    expect(removed).toContain('Flag **`enable-step-cache`** (was beta): removed');
    const notes = notesOf(cut.version);
    expect(markdownSection(notes, '### Removed')).toContain('- **`step-cache`** (was beta): removed in v1.20.0: use a workspace cache instead');
    expect(bundlePart(notes, 'stable')).toContain('- **`step-cache`** (was beta): removed in v1.20.0');
    const flipped = 'Flag **`keep-step-logs`**: the default changes from `false` to `true`; set `keep-step-logs: "false"` to keep the old behaviour';
    expect(markdownSection(changelog, '#### Action required')).toContain(flipped);
    expect(markdownSection(notes, '### Action required')).toContain(flipped);
    // The tombstone stays in the docs: the feature's history, from its first release to its removal.
    expect(clone.read('docs/features.md')).toContain('v1.16.0 introduced (alpha) 2027-01-15; v1.17.0 promoted (beta) 2027-02-15; v1.17.0 deprecated 2027-02-15; v1.20.0 removed 2028-03-01');
  }, RELEASE_TIMEOUT);

  it('leaves a CHANGELOG with the three releases, newest first, and a snapshot and notes for each', () => {
    const headings = clone.read('packages/tekton/CHANGELOG.md').split('\n').filter((line) => line.startsWith('## '));
    expect(headings.slice(0, 3)).toEqual(released.map((version) => `## ${version}`).reverse());
    for (const version of released) expect(clone.list(`releases/${version}`)).toEqual(['RELEASE_NOTES.md', 'features.json']);
    expect(clone.run('git', ['status', '--porcelain']).stdout).toBe('');
  });
});
