import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const workspaceRoot = join(__dirname, '..', '..');
export const featuregatesBin = join(workspaceRoot, 'node_modules', '.bin', 'featuregates');

/** Runs the installed `featuregates` binary as a real process. */
export function featuregates(args: string[], cwd = workspaceRoot): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(featuregatesBin, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
