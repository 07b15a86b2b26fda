import { Command, CommanderError } from 'commander';
import type { Registry } from '@featuregates/gates';
import { CliError, EXIT, type Io } from './io';
import { staticProject, type ProjectSource } from './project/load-project';

/**
 * The `featuregates` command. Each action parses its options, finds the project (its `--catalog`
 * or the project config) through `source`, calls one package and prints; `setExitCode` receives
 * the command's exit code.
 */
export type ProgramFactory = (source: ProjectSource, io: Io, setExitCode: (code: number) => void) => Command;

/** The bare `featuregates` program: usage errors throw (exit 2) and output goes through `io`. */
export function baseProgram(io: Io): Command {
  return new Command('featuregates')
    .description('TEP-0033 feature gates: check manifests against feature flags, explain features, validate configs.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) });
}

const sourceOf = (catalog: Registry | ProjectSource): ProjectSource => (typeof catalog === 'function' ? catalog : staticProject(catalog));

/** Runs a program built by `factory`; a bundle entry that names a smaller factory carries only its commands. */
export async function runProgram(factory: ProgramFactory, catalog: Registry | ProjectSource, argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = factory(sourceOf(catalog), io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      io.err(`featuregates: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
