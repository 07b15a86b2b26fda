import { tektonCatalog } from '@featuregates/tekton';
import { processIo } from './io';
import { run } from './program';

/** The `featuregates` binary: Tekton Pipelines' catalog, the process's streams and exit code. */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  run(tektonCatalog, argv, processIo).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`featuregates: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
