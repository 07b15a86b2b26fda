import type { Command } from 'commander';
import { registerBundle } from './commands/bundle';
import type { Io } from './io';
import { createProgram } from './program';
import type { ProjectSource } from './project/load-project';

/**
 * The installed `featuregates`: every command, `bundle` included. A bundle's own featuregates.js
 * is `createProgram` alone, since `bundle` needs esbuild.
 */
export function createFullProgram(source: ProjectSource, io: Io, setExitCode: (code: number) => void): Command {
  const program = createProgram(source, io, setExitCode);
  registerBundle(program, source, io, setExitCode);
  return program;
}
