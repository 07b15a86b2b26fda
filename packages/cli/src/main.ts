import { tektonCatalog } from '@featuregates/tekton';
import { processIo } from './io';
import { createProgram, createServeProgram, runProgram, type ProgramFactory } from './program';

function runProcess(factory: ProgramFactory, argv: readonly string[]): void {
  runProgram(factory, tektonCatalog, argv, processIo).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`featuregates: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 70;
    },
  );
}

/** The `featuregates` binary: Tekton Pipelines' catalog, the process's streams and exit code. */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  runProcess(createProgram, argv);
}

/** `featuregates serve` alone, as a bundle's webhook.js runs it: the same flags, no other command. */
export function serveMain(argv: readonly string[] = process.argv.slice(2)): void {
  runProcess(createServeProgram, ['serve', ...argv]);
}
