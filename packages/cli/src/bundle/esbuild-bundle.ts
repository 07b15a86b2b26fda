import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import type { ProjectSettings } from '../project/project-config';
import type { Variant } from './variants';

/** This repository's root when the CLI runs from its sources or its build here; undefined when installed from npm. */
function featuregatesRepository(): string | undefined {
  const root = join(__dirname, '..', '..', '..', '..');
  return existsSync(join(root, 'packages', 'gates', 'src', 'index.ts')) && existsSync(join(root, 'packages', 'cli', 'src', 'bundle', 'runtime-cli.ts')) ? root : undefined;
}

/**
 * Inside this repository, resolves `@featuregates/<name>` to the package's TypeScript sources: a
 * speed-up (no build needed) that also makes the metafile name sources. Installed from npm, the
 * packages resolve from node_modules to their built JavaScript.
 */
function workspaceSources(root: string): Plugin {
  return {
    name: 'featuregates-workspace-sources',
    setup(builder) {
      builder.onResolve({ filter: /^@featuregates\/[a-z-]+$/ }, (args) => {
        const entry = join(root, 'packages', args.path.slice('@featuregates/'.length), 'src', 'index.ts');
        return existsSync(entry) ? { path: entry } : undefined;
      });
    },
  };
}

/** Where the catalog comes from: its module and which export holds it (`default` or a name). */
export interface CatalogImport {
  file: string;
  exportName: string;
}

const ENTRY_NAMESPACE = 'featuregates-bundle-entry';

/**
 * The generated entries: each imports the catalog statically and hands it, with the project's
 * settings, to the CLI's runtime, so the bundle carries its catalog and no loader.
 */
function generatedEntries(catalog: CatalogImport, settings: ProjectSettings, runtimeOf: (name: string) => string): Plugin {
  const binding = catalog.exportName === 'default' || catalog.exportName === 'module.exports' ? 'catalog' : `{ ${catalog.exportName} as catalog }`;
  const source = (run: string, runtime: string) =>
    `import ${binding} from ${JSON.stringify(catalog.file)};\nimport { ${run} } from ${JSON.stringify(runtimeOf(runtime))};\n${run}(catalog, ${JSON.stringify(settings)});\n`;
  return {
    name: 'featuregates-generated-entries',
    setup(builder) {
      builder.onResolve({ filter: /^featuregates-entry:/ }, (args) => ({ path: args.path, namespace: ENTRY_NAMESPACE }));
      builder.onLoad({ filter: /.*/, namespace: ENTRY_NAMESPACE }, (args) => ({
        contents: args.path === 'featuregates-entry:webhook' ? source('runBundledWebhook', 'runtime-webhook') : source('runBundledCli', 'runtime-cli'),
        loader: 'ts',
        resolveDir: dirname(catalog.file),
      }));
    },
  };
}

export interface BundleResult {
  metafile: Metafile;
}

/**
 * Bundles the command and the webhook of one variant, with the catalog, into single files that
 * run with `node` alone. The ceiling is compiled in with `define`, so code guarded by it is
 * dropped (DESIGN.md "Bundles"). Metafile paths are relative to `workingDir`.
 */
export async function bundleVariant(options: { workingDir: string; catalog: CatalogImport; settings: ProjectSettings; variant: Variant; outDir: string }): Promise<BundleResult> {
  const repository = featuregatesRepository();
  const runtimeOf = (name: string) => (repository ? join(repository, 'packages', 'cli', 'src', 'bundle', `${name}.ts`) : join(__dirname, `${name}.js`));
  const result = await build({
    absWorkingDir: options.workingDir,
    entryPoints: { featuregates: 'featuregates-entry:cli', webhook: 'featuregates-entry:webhook' },
    outdir: options.outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Start-up is mostly reading and compiling this file, so it is fully minified; names in
    // stack traces are the price. meta.json maps it back to the sources.
    minify: true,
    legalComments: 'linked',
    sourcemap: false,
    metafile: true,
    logLevel: 'warning',
    define: { __FEATUREGATES_CEILING__: JSON.stringify(options.variant.name) },
    banner: { js: `#!/usr/bin/env node\n// featuregates ${options.variant.name} bundle: ceiling "${options.variant.name}" compiled in.` },
    plugins: [generatedEntries(options.catalog, options.settings, runtimeOf), ...(repository ? [workspaceSources(repository)] : [])],
  });
  return { metafile: result.metafile };
}
