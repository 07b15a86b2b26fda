import type { Command } from 'commander';
import type { Registry } from '@featuregates/gates';
import { docsCheck, DOCS_PATH, loadCatalog, writeDocs } from '@featuregates/release';
import { CliError, EXIT, type Io } from '../io';

/** `featuregates docs [--check]`: generates docs/features.md from the catalog, or checks it is fresh. */
export function registerDocs(program: Command, registry: Registry, io: Io, setExitCode: (code: number) => void): void {
  program
    .command('docs')
    .description('Writes docs/features.md from the catalog: alpha and beta features, fields per kind, behaviour flags, tombstones.')
    .option('--output <file>', 'where to write it', DOCS_PATH)
    .option('--catalog <file>', 'a JSON catalog or a CommonJS module exporting one (default: the built-in catalog)')
    .option('--check', 'write nothing; exit 1 when the file differs from a fresh generation')
    .action((options: { output: string; catalog?: string; check?: boolean }) => {
      let catalog = registry;
      if (options.catalog) {
        try {
          catalog = loadCatalog(options.catalog, io.cwd);
        } catch (error) {
          throw new CliError((error as Error).message);
        }
      }
      if (options.check) {
        const result = docsCheck(io.cwd, catalog, options.output);
        (result.fresh ? io.out : io.err)(result.message);
        setExitCode(result.fresh ? EXIT.ok : EXIT.rejected);
        return;
      }
      writeDocs(io.cwd, catalog, options.output);
      io.out(`wrote ${options.output}`);
      setExitCode(EXIT.ok);
    });
}
