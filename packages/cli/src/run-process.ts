import { processIo } from './io';
import type { ProjectSource } from './project/load-project';
import { runProgram, type ProgramFactory } from './program-base';

/** Runs a program with the process's streams; its exit code becomes the process's (70 on an internal error). */
export function runProcess(factory: ProgramFactory, source: ProjectSource, argv: readonly string[]): void {
  runProgram(factory, source, argv, processIo).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`featuregates: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
