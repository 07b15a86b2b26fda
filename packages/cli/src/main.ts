import { loadCatalogModule } from './catalog/load-catalog-module';
import { processIo } from './io';
import { createServeProgram } from './program';
import { createFullProgram } from './program-full';
import { projectFromFiles } from './project/load-project';
import { runProcess } from './run-process';

/** The `featuregates` binary: the project's catalog (`--catalog`, or package.json's "featuregates"), the process's streams and exit code. */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  runProcess(createFullProgram, projectFromFiles(processIo.cwd, loadCatalogModule), argv);
}

/** `featuregates serve` alone, with the same flags and no other command. */
export function serveMain(argv: readonly string[] = process.argv.slice(2)): void {
  runProcess(createServeProgram, projectFromFiles(processIo.cwd, loadCatalogModule), ['serve', ...argv]);
}
