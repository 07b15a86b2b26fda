import type { Command } from 'commander';
import { docsCheck, DOCS_PATH, writeDocs } from '@featuregates/release';
import { CATALOG_HELP } from '../catalog-option';
import { EXIT, type Io } from '../io';
import type { ProjectSource } from '../project/load-project';

/** `featuregates docs [--check]`: generates docs/features.md from the catalog, or checks it is fresh. */
export function registerDocs(program: Command, source: ProjectSource, io: Io, setExitCode: (code: number) => void): void {
  program
    .command('docs')
    .description('Writes docs/features.md from the catalog: alpha and beta features, fields per kind, behaviour flags, tombstones.')
    .option('--output <file>', 'where to write it', DOCS_PATH)
    .option('--catalog <module>', CATALOG_HELP)
    .option('--check', 'write nothing; exit 1 when the file differs from a fresh generation')
    .action((options: { output: string; catalog?: string; check?: boolean }) => {
      const catalog = source(options.catalog).registry;
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
