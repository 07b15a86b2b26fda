import { run } from '@featuregates/cli';
import { tektonCatalog } from '@featuregates/tekton';
// The harness of the CLI's own tests (temporary directories, in-process runs with buffered output) serves here too.
import { tempDir, type CliResult } from '../../../cli/src/test-support/cli';

export { cliIn, tempDir, type CliResult } from '../../../cli/src/test-support/cli';

/** Runs the CLI in-process against Tekton's catalog, in a temporary directory holding `files`. */
export async function cli(argv: string[], files: Record<string, string> = {}): Promise<CliResult> {
  const dir = tempDir(files);
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(tektonCatalog, argv, { out: (line) => out.push(line), err: (line) => err.push(line), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n'), dir };
}
