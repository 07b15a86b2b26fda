import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import type { Variant } from './variants';

/** Resolves `@featuregates/<name>` to the package's TypeScript sources, so bundles never need a prior build. */
function workspaceSources(workspaceRoot: string): Plugin {
  return {
    name: 'featuregates-workspace-sources',
    setup(builder) {
      builder.onResolve({ filter: /^@featuregates\/[a-z-]+$/ }, (args) => {
        const name = args.path.slice('@featuregates/'.length);
        for (const base of ['packages', 'tools']) {
          const entry = join(workspaceRoot, base, name, 'src', 'index.ts');
          if (existsSync(entry)) return { path: entry };
        }
        return undefined;
      });
    },
  };
}

export interface BundleResult {
  metafile: Metafile;
}

/**
 * Bundles the command and the webhook of one variant into single files that run with `node` alone.
 * The ceiling is compiled in with `define`, so code guarded by it is dropped (DESIGN.md "Bundles").
 */
export async function bundleVariant(workspaceRoot: string, variant: Variant, outDir: string): Promise<BundleResult> {
  const result = await build({
    absWorkingDir: workspaceRoot,
    entryPoints: {
      featuregates: join(workspaceRoot, 'packages/bundles/src/entries/featuregates.ts'),
      webhook: join(workspaceRoot, 'packages/bundles/src/entries/webhook.ts'),
    },
    outdir: outDir,
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
    define: { __FEATUREGATES_CEILING__: JSON.stringify(variant.name) },
    banner: { js: `#!/usr/bin/env node\n// featuregates ${variant.name} bundle: ceiling "${variant.name}" compiled in.` },
    plugins: [workspaceSources(workspaceRoot)],
  });
  return { metafile: result.metafile };
}
