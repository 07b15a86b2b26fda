import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Registry } from '@featuregates/gates';

function isRegistry(value: unknown): value is Registry {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Partial<Registry>;
  return typeof candidate.name === 'string' && typeof candidate.apiFieldsKey === 'string' && Array.isArray(candidate.features) && Array.isArray(candidate.flags) && Array.isArray(candidate.kinds);
}

/** The registry a module exports: as its default, or as the one export that is a registry. */
export function registryIn(exported: unknown): Registry | undefined {
  if (isRegistry(exported)) return exported;
  if (exported === null || typeof exported !== 'object') return undefined;
  const found = Object.values(exported as Record<string, unknown>).filter(isRegistry);
  return found.length === 1 ? found[0] : undefined;
}

/** Loads a catalog from a JSON file (a registry as data) or a CommonJS module that exports one. */
export function loadCatalog(path: string, cwd: string): Registry {
  const file = resolve(cwd, path);
  let exported: unknown;
  try {
    exported = extname(file) === '.json' ? JSON.parse(readFileSync(file, 'utf8')) : require(file);
  } catch (error) {
    throw new Error(`cannot load the catalog ${path}: ${(error as Error).message}`);
  }
  const registry = registryIn(exported);
  if (!registry) throw new Error(`${path} holds no feature registry (want name, apiFieldsKey, kinds, features and flags)`);
  const loose = registry as Partial<Registry> & Pick<Registry, 'name' | 'apiFieldsKey' | 'features' | 'flags' | 'kinds'>;
  return {
    ...registry,
    defaultLevel: loose.defaultLevel ?? 'stable',
    types: loose.types ?? {},
    tombstones: loose.tombstones ?? [],
    aliases: loose.aliases ?? [],
    apiFieldsHistory: loose.apiFieldsHistory ?? [],
    apiFieldsDescription: loose.apiFieldsDescription ?? '',
  };
}
