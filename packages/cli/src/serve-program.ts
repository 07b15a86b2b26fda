import { registerServe } from './commands/serve';
import { baseProgram, type ProgramFactory } from './program-base';

/** Only `featuregates serve`: what a bundle's webhook.js runs, so it carries none of the other commands. */
export const createServeProgram: ProgramFactory = (source, io, setExitCode) => {
  const program = baseProgram(io);
  registerServe(program, source, io, setExitCode);
  return program;
};
