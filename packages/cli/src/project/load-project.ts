import { dirname, join, relative, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { projectOf, type Project, type Registry } from '@featuregates/gates';
import { CliError } from '../io';
import { findProjectConfig, CONFIG_FIELD, type ProjectSettings } from './project-config';

/** The catalog a command works with, its identity, and what the project says beyond it. */
export interface LoadedProject {
  registry: Registry;
  /** The catalog's identity, with the ConfigMap and namespace the project's settings override. */
  project: Project;
  settings: ProjectSettings;
  /** The module the catalog came from, when it came from a file, and its export that holds it. */
  catalogFile?: { path: string; exportName: string };
}

/** Finds the project for one command run, given its `--catalog` (undefined when not passed). */
export type ProjectSource = (catalogOption: string | undefined) => LoadedProject;

/** The catalog loader is passed in, so a bundle that embeds its catalog never carries esbuild. */
export type CatalogLoader = (file: string, label: string) => { registry: Registry; exportName: string };

export function withSettings(registry: Registry, settings: ProjectSettings, catalogFile?: LoadedProject['catalogFile']): LoadedProject {
  const base = projectOf(registry);
  const project: Project = {
    ...base,
    configMap: { name: settings.configMap ?? base.configMap.name, namespace: settings.namespace ?? base.configMap.namespace },
  };
  return { registry, project, settings, ...(catalogFile ? { catalogFile } : {}) };
}

/** A project fixed at build time: a bundle's, or a test's. `--catalog` is refused, not ignored. */
export function staticProject(registry: Registry, settings: ProjectSettings = {}): ProjectSource {
  const loaded = withSettings(registry, settings);
  return (catalogOption) => {
    if (catalogOption !== undefined) {
      throw new CliError(`--catalog: this featuregates is built for the catalog "${loaded.project.id}"; use the featuregates command of @featuregates/cli to load another`);
    }
    return loaded;
  };
}

/**
 * The installed command's project: `--catalog` when given (relative to the working directory),
 * else the `"featuregates"` field of the nearest package.json above it. With `--catalog`, that
 * field is not read: its identity belongs to its own catalog.
 */
export function projectFromFiles(cwd: string, load: CatalogLoader): ProjectSource {
  return (catalogOption) => {
    if (catalogOption !== undefined) {
      const file = resolve(cwd, catalogOption);
      const { registry, exportName } = load(file, `--catalog ${catalogOption}`);
      return withSettings(registry, {}, { path: file, exportName });
    }
    const config = findProjectConfig(cwd);
    if (!config) {
      throw new CliError(
        `no catalog: pass --catalog <module> (a .ts, .js or .json module exporting the catalog), or name it in your package.json: "${CONFIG_FIELD}": { "catalog": "src/catalog.ts" }`,
      );
    }
    const label = `${relative(cwd, config.file) || 'package.json'}: "${CONFIG_FIELD}".catalog ${relative(config.root, config.catalog)}`;
    const { registry, exportName } = load(config.catalog, label);
    return withSettings(registry, config, { path: config.catalog, exportName });
  };
}

function packageNameIn(dir: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return typeof manifest.name === 'string' ? manifest.name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The package a release is cut for: the project's `package` setting, else the package whose
 * sources hold the catalog (the nearest package.json above its module, which in a single-package
 * repo is the root's).
 */
export function releasePackageOf(loaded: LoadedProject): string | undefined {
  if (loaded.settings.package) return loaded.settings.package;
  if (!loaded.catalogFile) return undefined;
  for (let dir = dirname(loaded.catalogFile.path); ; dir = dirname(dir)) {
    const name = packageNameIn(dir);
    if (name) return name;
    if (dirname(dir) === dir) return undefined;
  }
}
