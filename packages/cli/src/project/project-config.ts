import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { didYouMean } from '@featuregates/gates';
import { CliError } from '../io';

/**
 * The `"featuregates"` field of a project's package.json: where its catalog is, and the identity
 * the catalog does not carry. Paths are relative to that package.json.
 */
export interface ProjectConfig extends ProjectSettings {
  /** The package.json that holds the field. */
  file: string;
  /** Its directory: the project root. */
  root: string;
  /** The catalog module, absolute. */
  catalog: string;
}

/** What a project says about itself beyond its catalog; a bundle carries these statically. */
export interface ProjectSettings {
  /** The package whose version is the release version (`featuregates release`). */
  package?: string;
  /** Overrides the catalog's ConfigMap name. */
  configMap?: string;
  /** Overrides the catalog's default namespace. */
  namespace?: string;
  /** Where released snapshots live, absolute. */
  releases?: string;
  /** The changesets directory, absolute. */
  changesetDir?: string;
}

export const CONFIG_FIELD = 'featuregates';
const STRING_FIELDS = ['catalog', 'package', 'configMap', 'namespace', 'releases', 'changesetDir'] as const;
const PATH_FIELDS = new Set(['catalog', 'releases', 'changesetDir']);

function readManifest(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch (error) {
    throw new CliError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

/** Checks the field's shape and resolves its paths; every mistake names the field and what it wants. */
export function parseProjectConfig(field: unknown, file: string): ProjectConfig {
  const where = `${file}: "${CONFIG_FIELD}"`;
  if (typeof field !== 'object' || field === null || Array.isArray(field)) {
    throw new CliError(`${where} must be an object, e.g. { "catalog": "src/catalog.ts" }`);
  }
  const record = field as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(STRING_FIELDS as readonly string[]).includes(key)) {
      const suggestion = didYouMean(key, STRING_FIELDS);
      throw new CliError(`${where} has an unknown field "${key}"${suggestion ? `: did you mean "${suggestion}"?` : `; known fields: ${STRING_FIELDS.join(', ')}`}`);
    }
    if (typeof record[key] !== 'string' || record[key] === '') throw new CliError(`${where}.${key} must be a non-empty string`);
  }
  if (record.catalog === undefined) throw new CliError(`${where} names no catalog: add "catalog": "<path of the module that exports it>"`);
  const root = dirname(file);
  const config: ProjectConfig = { file, root, catalog: '' };
  for (const key of STRING_FIELDS) {
    const value = record[key] as string | undefined;
    if (value !== undefined) config[key] = PATH_FIELDS.has(key) ? resolve(root, value) : value;
  }
  return config;
}

/** The nearest package.json at or above `cwd` with a `"featuregates"` field, parsed; undefined when none has one. */
export function findProjectConfig(cwd: string): ProjectConfig | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const file = join(dir, 'package.json');
    const manifest = readManifest(file);
    if (manifest && CONFIG_FIELD in manifest) return parseProjectConfig(manifest[CONFIG_FIELD], file);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
