import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tektonCatalog } from '@featuregates/tekton';
import { dockerfile } from './dockerfile';
import { bundleVariant } from './esbuild-bundle';
import { featuresMarkdown } from './features-md';
import { releaseManifest } from './release-manifest';
import { variantNamed } from './variants';

const workspaceRoot = join(__dirname, '..', '..', '..');

async function buildVariant(name: string): Promise<void> {
  const variant = variantNamed(name);
  const version = JSON.parse(readFileSync(join(workspaceRoot, 'packages/cli/package.json'), 'utf8')).version as string;
  const outDir = join(workspaceRoot, 'dist', 'bundles', variant.name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const { metafile } = await bundleVariant(workspaceRoot, variant, outDir);
  for (const file of ['featuregates.js', 'webhook.js']) chmodSync(join(outDir, file), 0o755);
  writeFileSync(join(outDir, 'meta.json'), `${JSON.stringify(metafile, null, 1)}\n`);
  writeFileSync(join(outDir, 'release.yaml'), releaseManifest(tektonCatalog, variant, { version }));
  writeFileSync(join(outDir, 'FEATURES.md'), featuresMarkdown(tektonCatalog, variant, version));
  writeFileSync(join(outDir, 'Dockerfile'), dockerfile());
  const kib = (file: string) => (readFileSync(join(outDir, file)).length / 1024).toFixed(0);
  console.log(`dist/bundles/${variant.name}: webhook.js ${kib('webhook.js')} KiB, featuregates.js ${kib('featuregates.js')} KiB`);
}

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  for (const name of names.length > 0 ? names : ['stable', 'beta', 'alpha']) await buildVariant(name);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
