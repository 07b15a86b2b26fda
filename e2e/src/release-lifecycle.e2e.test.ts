/**
 * A feature's whole life, release by release, in a temporary git repository that uses the
 * built packages: added alpha (1.1.0), promoted to beta (1.2.0), deprecated (1.3.0), removed
 * (2.0.0). Each release is cut the way the README tells a maintainer: `featuregates release
 * changeset`, `featuregates release check`, `changeset version`, `featuregates release snapshot`.
 * Dates are passed explicitly, so the run is the same on any day.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiFeature, BehaviorFlag, Registry, RemovedFeature } from '@featuregates/gates';
import { tektonCatalog } from '@featuregates/tekton';
import { featuregatesBin, workspaceRoot } from './process';

type Catalog = Omit<Registry, 'features' | 'flags' | 'tombstones' | 'removedFeatures'> & { features: ApiFeature[]; flags: (BehaviorFlag & { defaultChange?: BehaviorFlag['defaultChange'] })[]; tombstones: Registry['tombstones'][number][]; removedFeatures?: RemovedFeature[] };

const repo = mkdtempSync(join(tmpdir(), 'fg-lifecycle-'));
const CATALOG = 'packages/catalog/catalog.json';
const env = { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.dev', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.dev', NO_COLOR: '1', FORCE_COLOR: '0' };

function sh(command: string, args: string[]): { status: number | null; out: string } {
  const result = spawnSync(command, args, { cwd: repo, env, encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function must(command: string, args: string[]): string {
  const result = sh(command, args);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.out}`);
  return result.out;
}

const fg = (...args: string[]) => sh(featuregatesBin, [...args, '--catalog', CATALOG, '--package', 'fixture-catalog']);
const read = (path: string): string => readFileSync(join(repo, path), 'utf8');
const catalog = (): Catalog => JSON.parse(read(CATALOG)) as Catalog;
const save = (next: Catalog): void => writeFileSync(join(repo, CATALOG), `${JSON.stringify(next, null, 2)}\n`);
const edit = (change: (draft: Catalog) => void): void => {
  const draft = catalog();
  change(draft);
  save(draft);
};
const stepCache = (draft: Catalog): ApiFeature => draft.features.find((feature) => feature.name === 'step-cache') as ApiFeature;
const ownFlag = (draft: Catalog): BehaviorFlag => draft.flags.find((flag) => flag.key === 'enable-step-cache') as BehaviorFlag;
const awaitSidecars = (draft: Catalog): BehaviorFlag => draft.flags.find((flag) => flag.key === 'await-sidecar-readiness') as BehaviorFlag;

/** Cuts a release: changesets for every change, the policy check, `changeset version`, the snapshot; then commits. */
function cut(date: string): { version: string; changelog: string; notes: string } {
  must(featuregatesBin, ['release', 'changeset', '--catalog', CATALOG, '--package', 'fixture-catalog', '--date', date]);
  must(featuregatesBin, ['release', 'check', '--catalog', CATALOG, '--package', 'fixture-catalog', '--date', date]);
  must('git', ['add', '-A']);
  must('git', ['commit', '-qm', `changesets for ${date}`]);
  must(join(repo, 'node_modules/.bin/changeset'), ['version']);
  const version = (JSON.parse(read('packages/catalog/package.json')) as { version: string }).version;
  must(featuregatesBin, ['release', 'snapshot', '--catalog', CATALOG, '--package', 'fixture-catalog', '--date', date]);
  must(featuregatesBin, ['release', 'check', '--catalog', CATALOG, '--package', 'fixture-catalog', '--date', date]);
  must('git', ['add', '-A']);
  must('git', ['commit', '-qm', `release ${version}`]);
  const changelog = read('packages/catalog/CHANGELOG.md');
  const entry = changelog.slice(changelog.indexOf(`## ${version}`)).split(/\n## \d/)[0];
  return { version, changelog: entry, notes: read(`releases/${version}/RELEASE_NOTES.md`) };
}

const part = (notes: string, bundle: string): string => notes.slice(notes.indexOf(`## For installers of the ${bundle} bundle`)).split(/\n## /)[0];
const section = (text: string, heading: string): string => {
  const start = text.indexOf(`${heading}\n`);
  return start === -1 ? '' : text.slice(start).split(/\n#{2,4} /)[0];
};

beforeAll(() => {
  mkdirSync(join(repo, 'packages/catalog'), { recursive: true });
  mkdirSync(join(repo, '.changeset'));
  symlinkSync(join(workspaceRoot, 'node_modules'), join(repo, 'node_modules'), 'dir');
  writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'fixture', private: true, workspaces: ['packages/*'] }, null, 2));
  writeFileSync(join(repo, 'packages/catalog/package.json'), `${JSON.stringify({ name: 'fixture-catalog', version: '1.0.0' }, null, 2)}\n`);
  writeFileSync(
    join(repo, '.changeset/config.json'),
    JSON.stringify({ changelog: ['@featuregates/release/changelog', {}], commit: false, fixed: [], linked: [], access: 'restricted', baseBranch: 'main', updateInternalDependencies: 'patch', ignore: [], prettier: false }, null, 2),
  );
  writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
  save(JSON.parse(JSON.stringify(tektonCatalog)) as Catalog);
  must('git', ['init', '-q', '-b', 'main']);
  must(featuregatesBin, ['release', 'snapshot', '--catalog', CATALOG, '--package', 'fixture-catalog', '--date', '2027-01-04']);
  must('git', ['add', '-A']);
  must('git', ['commit', '-qm', 'release 1.0.0']);
});

// The repository's node_modules is a symlink: rmSync removes the link, never the workspace's packages.
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('a feature from alpha to removal, one release at a time', () => {
  it('1.1.0 adds it as alpha, with its own flag', () => {
    edit((draft) => {
      draft.features.push({
        name: 'step-cache',
        title: 'step cache',
        stability: 'alpha',
        description: "Cache a step's outputs between runs",
        flag: 'enable-step-cache',
        uses: [{ type: 'Step', path: 'cache', match: { kind: 'present' } }],
        history: [{ release: 'v1.16.0', event: 'introduced', stability: 'alpha' }],
      });
      draft.flags.push({ key: 'enable-step-cache', type: 'bool', default: false, stability: 'alpha', valueStability: { true: 'alpha' }, feature: 'step-cache', description: 'Own flag of step-cache', history: [] });
    });
    const { version, changelog, notes } = cut('2027-02-01');
    expect(version).toBe('1.1.0');
    expect(changelog.split('\n').slice(0, 3)).toEqual(['## 1.1.0', '', '_Released 2027-02-01_']);
    expect(changelog).toContain('### Minor Changes');
    expect(section(changelog, '#### New alpha features')).toContain(
      "- **`step-cache`** (alpha): Cache a step's outputs between runs. Flag: own flag `enable-step-cache` alone (`enable-api-fields` does not turn it on). Gates `spec.finally[].taskSpec.steps[].cache`, `spec.tasks[].taskSpec.steps[].cache` in Pipeline (v1, v1beta1); `spec.pipelineSpec.finally[].taskSpec.steps[].cache`, `spec.pipelineSpec.tasks[].taskSpec.steps[].cache` in PipelineRun (v1, v1beta1); `spec.steps[].cache` in Task (v1, v1beta1); `spec.taskSpec.steps[].cache` in TaskRun (v1, v1beta1). In the alpha bundle.",
    );
    expect(section(changelog, '#### Behaviour changes')).toContain('New flag **`enable-step-cache`**');
    expect(section(notes, '### New alpha features')).toContain('**`step-cache`** (alpha)');
    expect(part(notes, 'stable')).toContain('Nothing changes for installers of the stable bundle.');
    expect(part(notes, 'beta')).toContain('Nothing changes for installers of the beta bundle.');
    expect(part(notes, 'alpha')).toContain('Off by default: set `enable-step-cache: "true"` to use it (`enable-api-fields` does not turn it on).');
    expect(readdirSync(join(repo, '.changeset')).filter((file) => file.endsWith('.md'))).toEqual([]);
  });

  it('1.2.0 promotes it to beta', () => {
    edit((draft) => {
      stepCache(draft).stability = 'beta';
      ownFlag(draft).stability = 'beta';
      ownFlag(draft).valueStability = { true: 'beta' };
    });
    const { version, changelog, notes } = cut('2027-03-01');
    expect(version).toBe('1.2.0');
    const promoted = section(changelog, '#### Promoted');
    expect(promoted).toContain('- **`step-cache`** from alpha to beta');
    expect(promoted).toContain('In the beta and alpha bundles.');
    expect(promoted).toContain('Flag **`enable-step-cache`** from alpha to beta');
    // Tekton's rule (own-flag-decides): the own flag alone turns it on, so it is off by default in both bundles.
    expect(part(notes, 'beta')).toContain('New to this bundle. Off by default: set `enable-step-cache: "true"` to use it (`enable-api-fields` does not turn it on).');
    expect(part(notes, 'alpha')).toContain('Off by default: set `enable-step-cache: "true"` to use it (`enable-api-fields` does not turn it on).');
    expect(part(notes, 'stable')).not.toContain('step-cache');
  });

  it('1.3.0 deprecates it, and announces a default flip', () => {
    edit((draft) => {
      stepCache(draft).deprecated = { since: 'v1.18.0', message: 'Use a workspace cache instead' };
      awaitSidecars(draft).defaultChange = { to: false, since: 'v1.18.0', message: 'The default becomes false' };
    });
    const { version, changelog, notes } = cut('2027-04-05');
    expect(version).toBe('1.3.0');
    const deprecated = section(changelog, '#### Deprecated (removal not before 2028-04-05)');
    expect(deprecated).toContain('- **`step-cache`** (beta): Use a workspace cache instead. Removal not before 2028-04-05. Flag: own flag `enable-step-cache`');
    expect(section(changelog, '#### Action required')).toContain(
      'Flag **`await-sidecar-readiness`** (bool, default `true`, stable; in the stable, beta and alpha bundles): the default will change from `true` to `false`: The default becomes false. Flip not before 2028-04-05. Pin `await-sidecar-readiness: "true"` to keep today\'s behaviour, or `await-sidecar-readiness: "false"` to adopt it now.',
    );
    expect(section(notes, '### Deprecated (removal not before 2028-04-05)')).toContain('**`step-cache`** (beta)');
    // Every bundle's installers read the announced flip first.
    for (const bundle of ['stable', 'beta', 'alpha']) expect(part(notes, bundle).split('\n').find((line) => line.startsWith('### '))).toBe('### Action required');
  });

  it('refuses to remove it before the window has run, naming the rule and the date', () => {
    edit((draft) => {
      const gone = stepCache(draft);
      draft.removedFeatures = [{ name: gone.name, title: gone.title, stability: gone.stability, description: gone.description, uses: gone.uses, flag: gone.flag, removedIn: 'v1.20.0', note: 'step-cache was removed', history: gone.history }];
      draft.features = draft.features.filter((feature) => feature.name !== 'step-cache');
      draft.flags = draft.flags.filter((flag) => flag.key !== 'enable-step-cache');
      draft.tombstones.push({ key: 'enable-step-cache', firstShipped: 'v1.16.0', lastShipped: 'v1.18.0', removedIn: 'v1.20.0', note: 'step-cache was removed' });
    });
    const early = fg('release', 'check', '--date', '2027-06-01');
    expect(early.status).toBe(1);
    expect(early.out).toContain(
      '[removal-window] beta feature "step-cache" removed 1 month after its deprecation notice of 2027-04-05 (release 1.3.0); the policy asks for 12 months because it gates v1 kind tekton.dev/v1 Pipeline: allowed from 2028-04-05',
    );
    expect(early.out).toContain('[removal-window] beta flag "enable-step-cache" removed 1 month after its deprecation notice of 2027-04-05 (release 1.3.0)');
    must('git', ['checkout', '--', CATALOG]);
  });

  it('refuses to flip the announced default before the window has run', () => {
    edit((draft) => {
      awaitSidecars(draft).default = false;
      delete awaitSidecars(draft).defaultChange;
    });
    const early = fg('release', 'check', '--date', '2027-06-01');
    expect(early.status).toBe(1);
    expect(early.out).toContain(
      '[default-window] default of "await-sidecar-readiness" flipped from "true" to "false" 1 month after it was announced on 2027-04-05 (release 1.3.0); the policy asks for 12 months because it is a stable flag: allowed from 2028-04-05',
    );
    must('git', ['checkout', '--', CATALOG]);
  });

  it('2.0.0 removes it, tombstones its flag and flips the default, once the window has run', () => {
    edit((draft) => {
      const gone = stepCache(draft);
      draft.removedFeatures = [{ name: gone.name, title: gone.title, stability: gone.stability, description: gone.description, uses: gone.uses, flag: gone.flag, removedIn: 'v1.20.0', note: 'step-cache was removed', history: gone.history }];
      draft.features = draft.features.filter((feature) => feature.name !== 'step-cache');
      draft.flags = draft.flags.filter((flag) => flag.key !== 'enable-step-cache');
      draft.tombstones.push({ key: 'enable-step-cache', firstShipped: 'v1.16.0', lastShipped: 'v1.18.0', removedIn: 'v1.20.0', note: 'step-cache was removed' });
      awaitSidecars(draft).default = false;
      delete awaitSidecars(draft).defaultChange;
    });
    const { version, changelog, notes } = cut('2028-04-10');
    expect(version).toBe('2.0.0');
    expect(changelog).toContain('### Major Changes');
    const removed = section(changelog, '#### Removed');
    expect(removed).toContain('- **`step-cache`** (was beta): removed in v1.20.0: step-cache was removed: a use of `spec.finally[].taskSpec.steps[].cache`');
    expect(removed).toContain('It was in the beta and alpha bundles.');
    expect(removed).toContain('Flag **`enable-step-cache`** (was beta): removed; a ConfigMap that still sets it loads with a warning (step-cache was removed).');
    expect(section(changelog, '#### Action required')).toContain('Flag **`await-sidecar-readiness`**: the default changes from `true` to `false`; set `await-sidecar-readiness: "true"` to keep the old behaviour');
    expect(notes).toContain('Package bump the compatibility policy implies: **major**.');
    expect(part(notes, 'stable')).toContain('### Action required\n\n- Flag **`await-sidecar-readiness`**: the default changes from `true` to `false`. Pin `await-sidecar-readiness: "true"` to keep the old behaviour.');
    // Never "Nothing changes": the removed feature's field is refused in every bundle, the stable one included.
    expect(part(notes, 'stable')).toContain('- **`step-cache`** (was beta): removed in v1.20.0: step-cache was removed: a use of');
    expect(part(notes, 'beta')).toContain('### Removed\n\n- **`step-cache`** (was beta)');
  });

  it('leaves one CHANGELOG with every release, newest first, and a snapshot per release', () => {
    const changelog = read('packages/catalog/CHANGELOG.md');
    expect(changelog.split('\n').filter((line) => line.startsWith('## '))).toEqual(['## 2.0.0', '## 1.3.0', '## 1.2.0', '## 1.1.0']);
    expect(readdirSync(join(repo, 'releases')).sort()).toEqual(['1.0.0', '1.1.0', '1.2.0', '1.3.0', '2.0.0', 'SHA256SUMS']);
    expect(fg('release', 'check', '--date', '2028-04-10').status).toBe(0);
    expect(must('git', ['status', '--porcelain'])).toBe('');
  });
});
