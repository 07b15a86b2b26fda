import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tektonCatalog } from '@featuregates/tekton';
import type { Io } from '../io';
import { run } from '../program';

/** Runs the CLI in-process against Tekton's catalog, in a temporary directory holding `files`. */
export async function cli(argv: string[], files: Record<string, string> = {}): Promise<{ code: number; out: string; err: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'featuregates-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line), cwd: dir };
  const code = await run(tektonCatalog, argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), dir };
}
