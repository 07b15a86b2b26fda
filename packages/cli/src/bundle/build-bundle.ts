import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedProject } from '../project/load-project';
import { policyManifests } from '@featuregates/policy';
import { dockerfile } from './dockerfile';
import { bundleVariant } from './esbuild-bundle';
import { featuresMarkdown } from './features-md';
import { releaseManifest } from './release-manifest';
import { variantNamed } from './variants';

/** The featuregates version that builds the bundle: the CLI package's own. */
export function featuregatesVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

export interface BundleOptions {
  variant: string;
  /** Absolute; emptied first. */
  outDir: string;
  /** Metafile paths are relative to it. */
  workingDir: string;
  namespace?: string;
  image?: string;
}

export interface BuiltBundle {
  files: { name: string; bytes: number }[];
}

/**
 * One variant bundle of a project's catalog: webhook.js and featuregates.js (esbuild, the
 * ceiling compiled in), meta.json, release.yaml, policy.yaml (the same gates as admission
 * policies), FEATURES.md and the Dockerfile.
 */
export async function buildBundle(loaded: LoadedProject, options: BundleOptions): Promise<BuiltBundle> {
  if (!loaded.catalogFile) throw new Error('a bundle is built from a catalog module');
  const { registry, project } = loaded;
  const variant = variantNamed(project, registry.defaultLevel, options.variant);
  const version = featuregatesVersion();
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(options.outDir, { recursive: true });
  // Only identity travels into the bundle: paths of the build machine mean nothing where it runs.
  const { package: packageName, configMap, namespace } = loaded.settings;
  const settings = { ...(packageName ? { package: packageName } : {}), ...(configMap ? { configMap } : {}), ...(namespace ? { namespace } : {}) };
  const { metafile } = await bundleVariant({ workingDir: options.workingDir, catalog: { file: loaded.catalogFile.path, exportName: loaded.catalogFile.exportName }, settings, variant, outDir: options.outDir });
  for (const file of ['featuregates.js', 'webhook.js']) chmodSync(join(options.outDir, file), 0o755);
  writeFileSync(join(options.outDir, 'meta.json'), `${JSON.stringify(metafile, null, 1)}\n`);
  const manifest = { version, ...(options.namespace ? { namespace: options.namespace } : {}), ...(options.image ? { image: options.image } : {}) };
  writeFileSync(join(options.outDir, 'release.yaml'), releaseManifest(registry, project, variant, manifest));
  writeFileSync(join(options.outDir, 'FEATURES.md'), featuresMarkdown(registry, project, variant, version));
  writeFileSync(join(options.outDir, 'policy.yaml'), policyManifests(registry, { variant: variant.name, configMap: project.configMap }));
  writeFileSync(join(options.outDir, 'Dockerfile'), dockerfile());
  const files = ['webhook.js', 'featuregates.js', 'release.yaml', 'policy.yaml', 'FEATURES.md', 'Dockerfile', 'meta.json'];
  return { files: files.map((name) => ({ name, bytes: readFileSync(join(options.outDir, name)).length })) };
}
