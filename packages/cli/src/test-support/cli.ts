import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadCatalogModule } from '../catalog/load-catalog-module';
import type { Io } from '../io';
import { createFullProgram } from '../program-full';
import { runProgram } from '../program';
import { projectFromFiles } from '../project/load-project';

export interface CliResult {
  code: number;
  out: string;
  err: string;
  dir: string;
}

/** A temporary directory holding `files` (paths may have folders). */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'featuregates-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Runs the installed command in-process in `cwd`: the catalog comes from `--catalog` or the project config, as for a user. */
export async function cliIn(cwd: string, argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line), cwd };
  const code = await runProgram(createFullProgram, projectFromFiles(cwd, loadCatalogModule), argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), dir: cwd };
}

/** The fixture catalog of a downstream project, as a file the CLI loads. */
export const WIDGETS_CATALOG = join(__dirname, 'widgets-catalog.ts');

/** A downstream project: package.json whose "featuregates" field names the widgets catalog, plus `files`. */
export function widgetsProject(files: Record<string, string> = {}, field: Record<string, unknown> = {}): string {
  return tempDir({
    'package.json': JSON.stringify({ name: 'widgets-operator', version: '1.2.0', featuregates: { catalog: WIDGETS_CATALOG, ...field } }, null, 2),
    ...files,
  });
}

/** Runs the command in a temporary widgets project holding `files`. */
export async function cli(argv: string[], files: Record<string, string> = {}): Promise<CliResult> {
  return cliIn(widgetsProject(files), argv);
}
