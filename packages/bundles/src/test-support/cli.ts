import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createFullProgram, loadCatalogModule, projectFromFiles, run, runProgram, type Io } from '@featuregates/cli';
import { tektonCatalog } from '@featuregates/tekton';

export interface CliResult {
  code: number;
  out: string;
  err: string;
  dir: string;
}

/** A temporary directory holding `files` (paths may have folders). */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'featuregates-tekton-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function bufferedIo(cwd: string): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line) => out.push(line), err: (line) => err.push(line), cwd }, out, err };
}

/** Runs the CLI in-process against Tekton's catalog, in a temporary directory holding `files`. */
export async function cli(argv: string[], files: Record<string, string> = {}): Promise<CliResult> {
  const dir = tempDir(files);
  const { io, out, err } = bufferedIo(dir);
  const code = await run(tektonCatalog, argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), dir };
}

/** Runs the installed command in-process in `cwd`: the catalog comes from `--catalog` or the project config, as for a user. */
export async function cliIn(cwd: string, argv: string[]): Promise<CliResult> {
  const { io, out, err } = bufferedIo(cwd);
  const code = await runProgram(createFullProgram, projectFromFiles(cwd, loadCatalogModule), argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), dir: cwd };
}
