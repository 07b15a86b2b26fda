/**
 * The maintainer's steps of the README's "A release from start to finish", run in a workspace
 * clone: generators, then a dated release, then what CI runs on the release commit.
 */
import { join } from 'node:path';
import type { WorkspaceClone, Outcome } from './workspace-clone';

/** The packages under packages/ by name, with their versions. */
export function packageVersions(clone: WorkspaceClone): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const dir of clone.list('packages')) {
    if (!clone.exists(`packages/${dir}/package.json`)) continue;
    const manifest = JSON.parse(clone.read(`packages/${dir}/package.json`)) as { name: string; version: string };
    versions[manifest.name] = manifest.version;
  }
  return versions;
}

/** The installed `featuregates` binary of the clone: the clone's own cli package. */
export function featuregates(clone: WorkspaceClone, args: string[]): Outcome {
  return clone.run(join(clone.root, 'node_modules', '.bin', 'featuregates'), args);
}

/** `npx nx g @featuregates/tools:NAME ARGS`, as the README shows; throws when it fails. */
export function generate(clone: WorkspaceClone, generator: string, args: string[]): Outcome {
  return clone.must('npx', ['nx', 'g', `@featuregates/tools:${generator}`, ...args, '--no-interactive']);
}

/** The files a generator created or updated, from its own report (`CREATE path`, `UPDATE path`). */
export function generatedFiles(outcome: Outcome): string[] {
  return [...outcome.out.matchAll(/^(?:CREATE|UPDATE) (\S+)/gm)].map((match) => match[1]);
}

export interface ReleaseStep {
  step: string;
  outcome: Outcome;
}

export interface CutRelease {
  date: string;
  version: string;
  /** Every step's outcome, in order; the release stops at the first that fails. */
  steps: ReleaseStep[];
  failed?: ReleaseStep;
}

/**
 * Cuts a release on `date` the way the README tells a maintainer: changesets for every change,
 * the policy check, `changeset version`, the lock synced, the snapshot and notes, the check again;
 * then commits and tags it.
 */
export function cutRelease(clone: WorkspaceClone, date: string): CutRelease {
  const steps: ReleaseStep[] = [];
  const plan: Array<[string, () => Outcome]> = [
    [`featuregates release changeset --date ${date}`, () => featuregates(clone, ['release', 'changeset', '--date', date])],
    [`featuregates release check --date ${date}`, () => featuregates(clone, ['release', 'check', '--date', date])],
    ['changeset version', () => clone.run('npx', ['changeset', 'version'])],
    // The README's `npm install`, limited to what it changes here: the lock follows the new versions.
    ['npm install --package-lock-only', () => clone.run('npm', ['install', '--package-lock-only', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'])],
    [`featuregates release snapshot --date ${date}`, () => featuregates(clone, ['release', 'snapshot', '--date', date])],
    [`featuregates release check --date ${date} (after the snapshot)`, () => featuregates(clone, ['release', 'check', '--date', date])],
  ];
  for (const [step, run] of plan) {
    const outcome = run();
    steps.push({ step, outcome });
    if (outcome.status !== 0) return { date, version: '', steps, failed: { step, outcome } };
  }
  const version = packageVersions(clone)['@featuregates/tekton'];
  clone.must('git', ['add', '-A']);
  clone.must('git', ['commit', '--quiet', '-m', `release ${version}`]);
  clone.must('git', ['tag', `v${version}`]);
  return { date, version, steps };
}

/** What CI runs on a release commit besides e2e: every package's unit tests, the docs and notes checks. */
export function releaseChecks(clone: WorkspaceClone): ReleaseStep[] {
  return [
    { step: 'nx run-many -t test --exclude=e2e', outcome: clone.run('npx', ['nx', 'run-many', '-t', 'test', '--exclude=e2e', '--output-style=static']) },
    { step: 'featuregates docs --check', outcome: featuregates(clone, ['docs', '--check']) },
    { step: 'featuregates release notes --check', outcome: featuregates(clone, ['release', 'notes', '--check']) },
  ];
}

// The lines of a long run that say what failed: jest's failing suites and tests, Nx's failed tasks.
const FAILURE_LINE = /(FAIL |✕|●|Failed tasks|^\s+- [\w-]+:[\w-]+$|error TS\d+)/;

/** A failed step as a test failure shows it: the step, what failed in it, and the tail of its output. */
export function failureReport(steps: ReleaseStep[]): string {
  return steps
    .filter(({ outcome }) => outcome.status !== 0)
    .map(({ step, outcome }) => {
      const lines = outcome.out.split('\n');
      const failures = lines.filter((line) => FAILURE_LINE.test(line)).slice(0, 60);
      return [`${step} exited ${outcome.status}:`, ...failures, '…', ...lines.slice(-30)].join('\n');
    })
    .join('\n\n');
}

/** A Markdown section from its heading line to the next heading of the same or a higher level. */
export function markdownSection(text: string, heading: string): string {
  const level = /^#+/.exec(heading)?.[0].length ?? 2;
  const start = text.indexOf(`${heading}\n`);
  if (start === -1) return '';
  const lines = text.slice(start).split('\n');
  const end = lines.findIndex((line, index) => index > 0 && new RegExp(`^#{1,${level}} `).test(line));
  return (end === -1 ? lines : lines.slice(0, end)).join('\n');
}
