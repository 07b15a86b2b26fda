import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Registry } from '@featuregates/gates';
import { tektonCatalog } from '@featuregates/tekton';
import { cliIn, tempDir } from '../test-support/cli';

/**
 * Runs the CLI in-process in one directory, so commands build on each other's files: a package
 * named like Tekton's catalog package, whose "featuregates" field names Tekton's catalog as JSON.
 */
function session() {
  const dir = tempDir({
    'package.json': JSON.stringify({ name: '@featuregates/tekton', version: '0.1.0', featuregates: { catalog: 'tekton.json' } }),
    'tekton.json': JSON.stringify(sessionCatalog),
  });
  return {
    dir,
    async run(...argv: string[]) {
      const { code, out, err } = await cliIn(dir, argv);
      return { code, out, err };
    },
  };
}

// The session freezes Tekton's catalog as its first release, dated after any notice a release of
// ours may have put in it (a notice dated after the first release would be refused as backdated).
const FROZEN = '2099-01-04';
const CHECKED = '2099-01-11';

/**
 * Tekton's catalog without the dates its notices promise (removalNotBefore, flipNotBefore): the
 * session's first release dates every notice FROZEN, and a date a real release promised, counted
 * from that release, comes before the policy's window counted from FROZEN. Unpromised, the notes
 * print the policy's date; the policy's checks of promised dates are the release package's tests.
 */
function withoutPromisedDates(catalog: Registry): Registry {
  const undated = <T extends object>(notice: T | undefined): T | undefined =>
    notice && (Object.fromEntries(Object.entries(notice).filter(([field]) => field !== 'removalNotBefore' && field !== 'flipNotBefore')) as T);
  return {
    ...catalog,
    features: catalog.features.map((feature) => ({ ...feature, deprecated: undated(feature.deprecated) })),
    flags: catalog.flags.map((flag) => ({ ...flag, deprecated: undated(flag.deprecated), defaultChange: undated(flag.defaultChange) })),
    levelDefaultChange: undated(catalog.levelDefaultChange),
  };
}

const sessionCatalog = withoutPromisedDates(tektonCatalog);
const withoutMatrix = JSON.stringify({ ...sessionCatalog, features: sessionCatalog.features.filter((feature) => feature.name !== 'matrix') });

describe('featuregates release', () => {
  it('freezes the first release, then diffs and checks the tree against it', async () => {
    const s = session();
    const frozen = await s.run('release', 'snapshot', '--version', '0.1.0', '--date', FROZEN);
    expect(frozen).toMatchObject({ code: 0, out: expect.stringMatching(new RegExp(`^froze release 0\\.1\\.0 \\(${FROZEN}\\), \\d+ change\\(s\\): releases/0\\.1\\.0/features\\.json, releases/0\\.1\\.0/RELEASE_NOTES\\.md$`)) });
    expect(await s.run('release', 'diff')).toMatchObject({ code: 0, out: `no changes since 0.1.0 (${FROZEN})` });
    expect(await s.run('release', 'check', '--date', CHECKED)).toMatchObject({ code: 0, out: '', err: `release check at ${CHECKED}: 0 change(s) since 0.1.0 (${FROZEN}), 0 problem(s): the policy holds` });
  });

  it('fails the check on a change that breaks the policy, naming the rule and the date', async () => {
    const s = session();
    await s.run('release', 'snapshot', '--version', '0.1.0', '--date', FROZEN);
    writeFileSync(join(s.dir, 'catalog.json'), withoutMatrix);
    const check = await s.run('release', 'check', '--catalog', 'catalog.json', '--date', CHECKED);
    expect(check.code).toBe(1);
    expect(check.out).toBe(
      '[tombstone] feature "matrix" removed without a tombstone: its fields would be silently admitted; add it to removedFeatures (removedIn, note) so that a use is refused with "removed in RELEASE: NOTE"; allowed once it is tombstoned\n' +
      '[removal-window] beta feature "matrix" removed without a deprecation notice; the policy asks for 12 months because it gates v1 kind tekton.dev/v1 Pipeline: deprecate it in this release, and the change is allowed from 2100-01-11',
    );
    const json = await s.run('release', 'diff', '--catalog', 'catalog.json', '--output', 'json');
    expect(JSON.parse(json.out).events).toEqual([expect.objectContaining({ type: 'feature-removed', bump: 'major', feature: expect.objectContaining({ name: 'matrix' }) })]);
    expect((await s.run('release', 'diff', '--catalog', 'catalog.json')).out).toBe(`1 change(s) since 0.1.0 (${FROZEN}):\n  major: feature removed: matrix (was beta; no tombstone)`);
  });

  it('writes changesets (or shows them with --dry-run) and release notes', async () => {
    const s = session();
    await s.run('release', 'snapshot', '--version', '0.1.0', '--date', FROZEN);
    writeFileSync(join(s.dir, 'catalog.json'), withoutMatrix);
    expect((await s.run('release', 'changeset', '--catalog', 'catalog.json', '--dry-run')).out).toBe('would write .changeset/fg-feature-removed-matrix.md');
    expect(existsSync(join(s.dir, '.changeset'))).toBe(false);
    expect((await s.run('release', 'changeset', '--catalog', 'catalog.json')).out).toBe('wrote .changeset/fg-feature-removed-matrix.md');
    expect(readFileSync(join(s.dir, '.changeset/fg-feature-removed-matrix.md'), 'utf8')).toContain('"@featuregates/tekton": major');
    expect((await s.run('release', 'notes', '--catalog', 'catalog.json')).out).toContain('### Removed\n\n- **`matrix`** (was beta): removed, without a tombstone.');
    expect(await s.run('release', 'notes', '--version', '0.1.0')).toMatchObject({ code: 0, out: 'wrote releases/0.1.0/RELEASE_NOTES.md' });
  });

  it('says what is wrong with its input', async () => {
    const s = session();
    expect(await s.run('release', 'check', '--date', 'soon')).toMatchObject({ code: 1, err: 'featuregates: invalid date "soon": want YYYY-MM-DD' });
    expect((await s.run('release', 'diff')).err).toBe(
      'featuregates: no released snapshot under releases/: freeze the first release with `featuregates release snapshot --version VERSION --date YYYY-MM-DD`',
    );
    expect((await s.run('release', 'snapshot', '--package', 'someone-else')).err).toBe(
      'featuregates: cannot tell the release version: no workspace package, nor the root package.json, is named "someone-else"; pass --version, or --package with the package that holds the catalog',
    );
  });

  it("takes a single-package repo's version from its root package.json, and the package from the field or the catalog's package", async () => {
    const s = session();
    expect((await s.run('release', 'snapshot', '--date', FROZEN)).out).toMatch(new RegExp(`^froze release 0\\.1\\.0 \\(${FROZEN}\\)`));
    writeFileSync(join(s.dir, 'catalog.json'), withoutMatrix);
    const field = { name: 'root', version: '3.0.0', featuregates: { catalog: 'catalog.json', package: 'widgets-api' } };
    writeFileSync(join(s.dir, 'package.json'), JSON.stringify(field));
    expect((await s.run('release', 'changeset', '--dry-run')).out).toBe('would write .changeset/fg-feature-removed-matrix.md');
    await s.run('release', 'changeset');
    expect(readFileSync(join(s.dir, '.changeset/fg-feature-removed-matrix.md'), 'utf8')).toContain('"widgets-api": major');
    // With --catalog the field is not read: the package is the one whose sources hold the catalog.
    await s.run('release', 'changeset', '--catalog', 'catalog.json');
    expect(readFileSync(join(s.dir, '.changeset/fg-feature-removed-matrix.md'), 'utf8')).toContain('"root": major');
  });
});

describe('featuregates docs', () => {
  it('writes docs/features.md, and --check tells a stale file from a fresh one', async () => {
    const s = session();
    expect(await s.run('docs', '--check')).toMatchObject({ code: 1, err: 'docs/features.md is missing: run featuregates docs' });
    expect(await s.run('docs')).toMatchObject({ code: 0, out: 'wrote docs/features.md' });
    expect(readFileSync(join(s.dir, 'docs/features.md'), 'utf8')).toContain('| [`matrix`](https://tekton.dev/docs/pipelines/matrix/) | beta |');
    expect(await s.run('docs', '--check')).toMatchObject({ code: 0, out: 'docs/features.md is fresh' });
    writeFileSync(join(s.dir, 'catalog.json'), withoutMatrix);
    expect(await s.run('docs', '--check', '--catalog', 'catalog.json')).toMatchObject({
      code: 1,
      err: 'docs/features.md is stale (it differs from a fresh generation from the catalog): run featuregates docs, then commit it',
    });
  });
});
