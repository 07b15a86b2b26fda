import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tektonCatalog } from '@featuregates/tekton';
import type { Io } from '../io';
import { run } from '../program';

/** Runs the CLI in-process in one directory, so commands build on each other's files. */
function session() {
  const dir = mkdtempSync(join(tmpdir(), 'featuregates-release-'));
  return {
    dir,
    async run(...argv: string[]) {
      const out: string[] = [];
      const err: string[] = [];
      const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line), cwd: dir };
      const code = await run(tektonCatalog, argv, io);
      return { code, out: out.join('\n'), err: err.join('\n') };
    },
  };
}

const withoutMatrix = JSON.stringify({ ...tektonCatalog, features: tektonCatalog.features.filter((feature) => feature.name !== 'matrix') });

describe('featuregates release', () => {
  it('freezes the first release, then diffs and checks the tree against it', async () => {
    const s = session();
    const frozen = await s.run('release', 'snapshot', '--version', '0.1.0', '--date', '2026-11-25');
    expect(frozen).toMatchObject({ code: 0, out: 'froze release 0.1.0 (2026-11-25), 65 change(s): releases/0.1.0/features.json, releases/0.1.0/RELEASE_NOTES.md' });
    expect(await s.run('release', 'diff')).toMatchObject({ code: 0, out: 'no changes since 0.1.0 (2026-11-25)' });
    expect(await s.run('release', 'check', '--date', '2026-12-01')).toMatchObject({ code: 0, out: '', err: 'release check at 2026-12-01: 0 change(s) since 0.1.0 (2026-11-25), 0 problem(s): the policy holds' });
  });

  it('fails the check on a change that breaks the policy, naming the rule and the date', async () => {
    const s = session();
    await s.run('release', 'snapshot', '--version', '0.1.0', '--date', '2026-11-25');
    writeFileSync(join(s.dir, 'catalog.json'), withoutMatrix);
    const check = await s.run('release', 'check', '--catalog', 'catalog.json', '--date', '2026-12-01');
    expect(check.code).toBe(1);
    expect(check.out).toBe(
      '[removal-window] beta feature "matrix" removed without a deprecation notice; the policy asks for 12 months because it gates v1 kind tekton.dev/v1 Pipeline: deprecate it in this release, and the change is allowed from 2027-12-01',
    );
    const json = await s.run('release', 'diff', '--catalog', 'catalog.json', '--output', 'json');
    expect(JSON.parse(json.out).events).toEqual([expect.objectContaining({ type: 'feature-removed', bump: 'major', feature: expect.objectContaining({ name: 'matrix' }) })]);
    expect((await s.run('release', 'diff', '--catalog', 'catalog.json')).out).toBe('1 change(s) since 0.1.0 (2026-11-25):\n  major: feature removed: matrix (was beta)');
  });

  it('writes changesets (or shows them with --dry-run) and release notes', async () => {
    const s = session();
    await s.run('release', 'snapshot', '--version', '0.1.0', '--date', '2026-11-25');
    writeFileSync(join(s.dir, 'catalog.json'), withoutMatrix);
    expect((await s.run('release', 'changeset', '--catalog', 'catalog.json', '--dry-run')).out).toBe('would write .changeset/fg-feature-removed-matrix.md');
    expect(existsSync(join(s.dir, '.changeset'))).toBe(false);
    expect((await s.run('release', 'changeset', '--catalog', 'catalog.json')).out).toBe('wrote .changeset/fg-feature-removed-matrix.md');
    expect(readFileSync(join(s.dir, '.changeset/fg-feature-removed-matrix.md'), 'utf8')).toContain('"@featuregates/tekton": major');
    expect((await s.run('release', 'notes', '--catalog', 'catalog.json')).out).toContain('### Removed\n\n- **`matrix`** (was beta): removed.');
    expect(await s.run('release', 'notes', '--version', '0.1.0')).toMatchObject({ code: 0, out: 'wrote releases/0.1.0/RELEASE_NOTES.md' });
  });

  it('says what is wrong with its input', async () => {
    const s = session();
    expect(await s.run('release', 'check', '--date', 'soon')).toMatchObject({ code: 1, err: 'featuregates: invalid date "soon": want YYYY-MM-DD' });
    expect((await s.run('release', 'diff')).err).toBe(
      'featuregates: no released snapshot under releases/: freeze the first release with `featuregates release snapshot --version VERSION --date YYYY-MM-DD`',
    );
    expect((await s.run('release', 'snapshot')).err).toBe('featuregates: cannot tell the release version: no workspace package "@featuregates/tekton"; pass --version');
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
