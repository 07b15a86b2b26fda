import { Command, CommanderError, Option } from 'commander';
import type { Registry } from '@featuregates/gates';
import { check } from './commands/check';
import { configValidate } from './commands/config-validate';
import { registerDocs } from './commands/docs';
import { explain } from './commands/explain';
import { registerMatrix } from './commands/matrix';
import { registerPolicy } from './commands/policy';
import { registerRelease } from './commands/release';
import { requirementsCommand } from './commands/requirements';
import { review } from './commands/review';
import { registerServe } from './commands/serve';
import { CliError, EXIT, type Io } from './io';

const outputOption = () => new Option('-o, --output <format>', 'text or json').choices(['text', 'json']).default('text');
const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * The `featuregates` command. Each action parses its options, calls one package and prints;
 * `setExitCode` receives the command's exit code.
 */
export type ProgramFactory = (registry: Registry, io: Io, setExitCode: (code: number) => void) => Command;

/** The bare `featuregates` program: usage errors throw (exit 2) and output goes through `io`. */
function baseProgram(io: Io): Command {
  return new Command('featuregates')
    .description('TEP-0033 feature gates: check manifests against feature flags, explain features, validate configs.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) });
}

/** Only `featuregates serve`: what a bundle's webhook.js runs, so it carries none of the other commands. */
export const createServeProgram: ProgramFactory = (registry, io, setExitCode) => {
  const program = baseProgram(io);
  registerServe(program, registry, io, setExitCode);
  return program;
};

export function createProgram(registry: Registry, io: Io, setExitCode: (code: number) => void): Command {
  const program = baseProgram(io);

  program
    .command('check')
    .description('Would the webhook admit these manifests? Evaluates every object as a CREATE; prints one line per violation.')
    .argument('<paths...>', 'YAML (multi-document) or JSON manifests, or directories of them')
    .addOption(new Option('--api-fields <level>', 'the "enable-api-fields" level').choices(['stable', 'beta', 'alpha']))
    .option('--config <file>', 'a feature-flags ConfigMap manifest or a plain key/value YAML')
    .option('--set <key=value>', 'set one flag (repeatable); overrides --config and --api-fields', collect, [])
    .addOption(outputOption())
    .action((paths: string[], options) => setExitCode(check(registry, paths, options, io)));

  program
    .command('requirements')
    .description('Per object: the least "enable-api-fields" and the own flags it needs (for a Task\'s docs).')
    .argument('<paths...>', 'YAML or JSON manifests, or directories of them')
    .addOption(outputOption())
    .action((paths: string[], options) => setExitCode(requirementsCommand(registry, paths, options.output, io)));

  const config = program.command('config').description('Work with feature-flags ConfigMaps.');
  config
    .command('validate')
    .description('Errors (unknown keys with did-you-mean, bad values, levels above this bundle) and warnings (removed keys); exit 1 on errors.')
    .argument('<file>', 'a ConfigMap manifest or a plain key/value YAML')
    .addOption(outputOption())
    .action((file: string, options) => setExitCode(configValidate(registry, file, options.output, io)));

  program
    .command('explain')
    .description('A feature, flag or key: stability, own flag, the paths it gates, default, history, and how to turn it on.')
    .argument('<name>', 'a feature name (matrix), a flag key (coschedule), or a removed key')
    .action((name: string) => setExitCode(explain(registry, name, io)));

  program
    .command('review')
    .description('Send the objects in FILE to a running webhook as AdmissionReviews and print its answers (the smoke test after kubectl apply).')
    .argument('<file>', 'YAML or JSON manifests')
    .requiredOption('--server <url>', 'the webhook, e.g. https://127.0.0.1:8443 (path defaults to /validate)')
    .option('--ca <file>', 'the CA certificate that signed the webhook\'s certificate (PEM)')
    .addOption(new Option('--operation <operation>', 'CREATE or UPDATE').choices(['CREATE', 'UPDATE']).default('CREATE'))
    .option('--old <file>', 'for UPDATE: the objects as they were, matched by kind and name')
    .addOption(outputOption())
    .action(async (file: string, options) => setExitCode(await review(file, options, io)));

  // Commands of other packages register here, one line each: register<Verb>(program, registry, io, setExitCode).
  registerMatrix(program, registry, io, setExitCode);
  registerRelease(program, registry, io, setExitCode);
  registerDocs(program, registry, io, setExitCode);
  registerServe(program, registry, io, setExitCode);
  registerPolicy(program, registry, io, setExitCode);

  return program;
}

/** Runs the command line; returns the exit code (0 ok, 1 rejected or invalid, 2 usage error). */
export function run(registry: Registry, argv: readonly string[], io: Io): Promise<number> {
  return runProgram(createProgram, registry, argv, io);
}

/** Runs a program built by `factory`; a bundle entry that names a smaller factory carries only its commands. */
export async function runProgram(factory: ProgramFactory, registry: Registry, argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = factory(registry, io, (code) => {
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
