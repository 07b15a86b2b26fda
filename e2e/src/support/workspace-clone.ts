/**
 * A throwaway git clone of this workspace that runs the repository's own commands: the committed
 * HEAD (or FEATUREGATES_DRILL_REF, e.g. `git stash create`'s commit, to try uncommitted work),
 * with the workspace's node_modules hard-linked in instead of installed (the workspace links are
 * relative, so they resolve to the clone's packages) and the one build `npm ci` would run.
 * Nothing it runs touches the real repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from '../process';

export interface Outcome {
  status: number | null;
  /** stdout then stderr. */
  out: string;
  stdout: string;
}

export interface WorkspaceClone {
  root: string;
  run(command: string, args: string[]): Outcome;
  /** Runs a command and throws with its output when it fails. */
  must(command: string, args: string[]): Outcome;
  read(path: string): string;
  exists(path: string): boolean;
  list(dir: string): string[];
  remove(): void;
}

// Variables of the outer run that would steer the clone's tools: the outer Nx task, npm's own
// settings, jest's worker id, the configuration the e2e matrix passes to gated suites.
const INHERITED = /^(NX_|npm_|JEST_|FEATUREGATES_|INIT_CWD$)/;

/** The environment every command of the clone runs in: no Nx daemon or cloud, CI mode, a git identity. */
export function cloneEnv(outer: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(outer)) if (!INHERITED.test(key)) env[key] = value;
  return {
    ...env,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    CI: 'true',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    GIT_AUTHOR_NAME: 'release drill',
    GIT_AUTHOR_EMAIL: 'drill@featuregates.invalid',
    GIT_COMMITTER_NAME: 'release drill',
    GIT_COMMITTER_EMAIL: 'drill@featuregates.invalid',
  };
}

function runIn(cwd: string, env: NodeJS.ProcessEnv, command: string, args: string[]): Outcome {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const stdout = result.stdout ?? '';
  return { status: result.status, out: `${stdout}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`, stdout };
}

function mustIn(cwd: string, env: NodeJS.ProcessEnv, command: string, args: string[]): Outcome {
  const outcome = runIn(cwd, env, command, args);
  if (outcome.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${outcome.status} in ${cwd}:\n${outcome.out}`);
  return outcome;
}

/** Clones the workspace into a new temporary directory and installs it; `remove()` deletes it all. */
export function cloneWorkspace(prefix: string): WorkspaceClone {
  const parent = mkdtempSync(join(tmpdir(), prefix));
  const root = join(parent, 'workspace');
  const env = cloneEnv();
  const ref = process.env.FEATUREGATES_DRILL_REF ?? 'HEAD';
  const clone: WorkspaceClone = {
    root,
    run: (command, args) => runIn(root, env, command, args),
    must: (command, args) => mustIn(root, env, command, args),
    read: (path) => readFileSync(join(root, path), 'utf8'),
    exists: (path) => existsSync(join(root, path)),
    list: (dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).sort() : []),
    // Hard links: removing them leaves the workspace's own node_modules as it was.
    remove: () => rmSync(parent, { recursive: true, force: true }),
  };
  try {
    const sha = mustIn(workspaceRoot, env, 'git', ['rev-parse', '--verify', `${ref}^{commit}`]).stdout.trim();
    mustIn(parent, env, 'git', ['clone', '--quiet', '--no-checkout', workspaceRoot, root]);
    clone.must('git', ['checkout', '--quiet', '-B', 'main', sha]);
    // Hard links cost no copy; a temporary directory on another file system gets a real copy.
    const linked = runIn(parent, env, 'cp', ['-al', join(workspaceRoot, 'node_modules'), join(root, 'node_modules')]);
    if (linked.status !== 0) {
      rmSync(join(root, 'node_modules'), { recursive: true, force: true });
      mustIn(parent, env, 'cp', ['-a', join(workspaceRoot, 'node_modules'), join(root, 'node_modules')]);
    }
    // What `npm ci`'s prepare script runs: the only build the drill asks for.
    clone.must('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']);
  } catch (error) {
    clone.remove();
    throw error;
  }
  return clone;
}
