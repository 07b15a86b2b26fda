import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { buildBundle } from '../bundle/build-bundle';
import { CATALOG_HELP } from '../catalog-option';
import { CliError, EXIT, type Io } from '../io';
import type { ProjectSource } from '../project/load-project';

interface BundleCommandOptions {
  variant: string;
  output?: string;
  catalog?: string;
  namespace?: string;
  image?: string;
}

/** `featuregates bundle --variant LEVEL`: an installable bundle of the project's catalog with that ceiling. */
export function registerBundle(program: Command, source: ProjectSource, io: Io, setExitCode: (code: number) => void): void {
  program
    .command('bundle')
    .description('Builds one variant bundle of the catalog: webhook.js and featuregates.js (node alone runs them, the ceiling compiled in), release.yaml, FEATURES.md, the Dockerfile and meta.json.')
    .requiredOption('--variant <level>', 'the ceiling: one of the levels the catalog declares (stable, beta, alpha)')
    .option('--output <dir>', 'where to write it, emptied first (default: dist/bundles/<variant>)')
    .option('--catalog <module>', CATALOG_HELP)
    .option('--namespace <ns>', 'where release.yaml installs the webhook and the ConfigMap (default: the project\'s namespace)')
    .option('--image <image>', 'the webhook image release.yaml runs (default: featuregates/webhook:<version>-<variant>)')
    .action(async (options: BundleCommandOptions) => {
      const loaded = source(options.catalog);
      if (!loaded.catalogFile) throw new CliError('bundle needs the catalog as a module: pass --catalog or set "featuregates".catalog');
      const outDir = resolve(io.cwd, options.output ?? `dist/bundles/${options.variant}`);
      const built = await buildBundle(loaded, {
        variant: options.variant,
        outDir,
        workingDir: io.cwd,
        ...(options.namespace ? { namespace: options.namespace } : {}),
        ...(options.image ? { image: options.image } : {}),
      });
      const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
      const sizes = built.files.filter((file) => file.name.endsWith('.js')).map((file) => `${file.name} ${kib(file.bytes)}`);
      io.out(`${relative(io.cwd, outDir) || '.'}: ${loaded.project.id} ${options.variant} bundle: ${sizes.join(', ')}; ${built.files.map((file) => file.name).join(', ')}`);
      setExitCode(EXIT.ok);
    });
}
