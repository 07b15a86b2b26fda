import { Command, Option } from 'commander';
import type { Registry } from '@featuregates/gates';
import { CATALOG_HELP } from './catalog-option';
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
import type { Io } from './io';
import { baseProgram, runProgram } from './program-base';
import type { ProjectSource } from './project/load-project';
import { UNKNOWN_KINDS_CHOICES } from './unknown-kinds';

const outputOption = () => new Option('-o, --output <format>', 'text or json').choices(['text', 'json']).default('text');
const collect = (value: string, previous: string[]) => [...previous, value];
const catalogOption = () => new Option('--catalog <module>', CATALOG_HELP);
const unknownKindsOption = () =>
  new Option('--unknown-kinds <policy>', 'objects of kinds the catalog does not know: ignore, warn or error (default: error in the catalog\'s API groups, ignore elsewhere)').choices([
    ...UNKNOWN_KINDS_CHOICES,
  ]);

export { runProgram, type ProgramFactory } from './program-base';
export { createServeProgram } from './serve-program';

export function createProgram(source: ProjectSource, io: Io, setExitCode: (code: number) => void): Command {
  const program = baseProgram(io);

  program
    .command('check')
    .description('Would the webhook admit these manifests? Evaluates every object as a CREATE; prints one line per violation.')
    .argument('<paths...>', 'YAML (multi-document) or JSON manifests, or directories of them')
    .addOption(new Option('--api-fields <level>', 'the "enable-api-fields" level').choices(['stable', 'beta', 'alpha']))
    .option('--config <file>', 'a feature-flags ConfigMap manifest or a plain key/value YAML')
    .option('--set <key=value>', 'set one flag (repeatable); overrides --config and --api-fields', collect, [])
    .addOption(unknownKindsOption())
    .addOption(catalogOption())
    .addOption(outputOption())
    .action((paths: string[], options) => setExitCode(check(source(options.catalog).registry, paths, options, io)));

  program
    .command('requirements')
    .description('Per object: the least "enable-api-fields" and the own flags it needs (for a Task\'s docs).')
    .argument('<paths...>', 'YAML or JSON manifests, or directories of them')
    .addOption(unknownKindsOption())
    .addOption(catalogOption())
    .addOption(outputOption())
    .action((paths: string[], options) => setExitCode(requirementsCommand(source(options.catalog).registry, paths, options.output, io, options.unknownKinds)));

  const config = program.command('config').description('Work with feature-flags ConfigMaps.');
  config
    .command('validate')
    .description('Errors (unknown keys with did-you-mean, bad values, levels above this bundle) and warnings (removed keys); exit 1 on errors.')
    .argument('<file>', 'a ConfigMap manifest or a plain key/value YAML')
    .addOption(catalogOption())
    .addOption(outputOption())
    .action((file: string, options) => setExitCode(configValidate(source(options.catalog).registry, file, options.output, io)));

  program
    .command('explain')
    .description('A feature, flag or key: stability, own flag, the paths it gates, default, history, and how to turn it on.')
    .argument('<name>', 'a feature name (matrix), a flag key (coschedule), or a removed key')
    .addOption(catalogOption())
    .action((name: string, options) => {
      const { registry, project } = source(options.catalog);
      setExitCode(explain(registry, name, io, project));
    });

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

  // Commands of other packages register here, one line each: register<Verb>(program, source, io, setExitCode).
  registerMatrix(program, source, io, setExitCode);
  registerRelease(program, source, io, setExitCode);
  registerDocs(program, source, io, setExitCode);
  registerServe(program, source, io, setExitCode);
  registerPolicy(program, source, io, setExitCode);

  return program;
}

/**
 * Runs the command line against one catalog (a Registry) or a project source; returns the exit
 * code (0 ok, 1 rejected or invalid, 2 usage error).
 */
export function run(catalog: Registry | ProjectSource, argv: readonly string[], io: Io): Promise<number> {
  return runProgram(createProgram, catalog, argv, io);
}
