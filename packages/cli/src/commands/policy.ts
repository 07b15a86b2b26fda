import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { BUILD_CEILING, type Stability } from '@featuregates/gates';
import { DEFAULT_MAX_DEPTH, policyManifests } from '@featuregates/policy';
import { CATALOG_HELP } from '../catalog-option';
import { CliError, EXIT, type Io } from '../io';
import type { ProjectSource } from '../project/load-project';

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('expected a positive integer');
  return value;
}

/** `featuregates policy [--variant <level>] [--output FILE]`: the catalog's gates as ValidatingAdmissionPolicies. */
export function registerPolicy(program: Command, source: ProjectSource, io: Io, setExitCode: (code: number) => void): void {
  program
    .command('policy')
    .description('Writes the feature gates as ValidatingAdmissionPolicies and bindings (Kubernetes 1.30+): gates without a webhook, reading the feature-flags ConfigMap.')
    .addOption(new Option('--variant <level>', 'the bundle ceiling compiled in: nothing less stable can be turned on').choices(['stable', 'beta', 'alpha']).default(BUILD_CEILING))
    .option('--output <file>', 'write the manifests to FILE instead of standard output')
    .option('--max-depth <segments>', 'path segments the policies follow gated fields before refusing an object', positiveInteger, DEFAULT_MAX_DEPTH)
    .option('--catalog <module>', CATALOG_HELP)
    .action((options: { variant: Stability; output?: string; maxDepth: number; catalog?: string }) => {
      const { registry, project } = source(options.catalog);
      if (!project.levels.includes(options.variant)) {
        throw new CliError(`--variant ${options.variant}: catalog "${project.id}" declares the levels ${project.levels.join(', ')}; choose one of them`, EXIT.usage);
      }
      let text: string;
      try {
        text = policyManifests(registry, { variant: options.variant, maxDepth: options.maxDepth, configMap: project.configMap });
      } catch (error) {
        throw new CliError(`cannot write the catalog as admission policies: ${(error as Error).message}`);
      }
      if (options.output) {
        writeFileSync(resolve(io.cwd, options.output), text);
        io.out(`wrote ${options.output}`);
      } else {
        io.out(text.trimEnd());
      }
      setExitCode(EXIT.ok);
    });
}
