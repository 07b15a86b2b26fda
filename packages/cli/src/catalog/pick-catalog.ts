import type { Registry } from '@featuregates/gates';

const REQUIRED: readonly (keyof Registry)[] = ['name', 'apiFieldsKey', 'kinds', 'types', 'features', 'flags'];

/** The fields a catalog must have that `value` lacks (all of them for a non-object). */
export function missingCatalogFields(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [...REQUIRED];
  const record = value as Record<string, unknown>;
  return REQUIRED.filter((field) => {
    const got = record[field];
    if (field === 'name' || field === 'apiFieldsKey') return typeof got !== 'string';
    if (field === 'types') return typeof got !== 'object' || got === null || Array.isArray(got);
    return !Array.isArray(got);
  });
}

const isCatalogShaped = (value: unknown): value is Registry => missingCatalogFields(value).length === 0;

/**
 * A catalog with the collections a hand-written JSON catalog may leave out filled in empty, as
 * the release tooling always took them: history, tombstones, aliases, the level's description.
 */
export function withEmptyDefaults(registry: Registry): Registry {
  const loose = registry as Partial<Registry> & Registry;
  if (loose.apiFieldsHistory && loose.tombstones && loose.aliases && loose.apiFieldsDescription !== undefined && loose.defaultLevel) return registry;
  return {
    ...registry,
    defaultLevel: loose.defaultLevel ?? 'stable',
    apiFieldsDescription: loose.apiFieldsDescription ?? '',
    apiFieldsHistory: loose.apiFieldsHistory ?? [],
    tombstones: loose.tombstones ?? [],
    aliases: loose.aliases ?? [],
  };
}

export type PickResult = { ok: true; registry: Registry; exportName: string } | { ok: false; message: string };

/**
 * The catalog a module exports: its default export, the module itself (`module.exports = catalog`,
 * a JSON file), or its one export shaped like a catalog. Anything else says what to change.
 */
export function pickCatalog(exported: unknown): PickResult {
  if (isCatalogShaped(exported)) return { ok: true, registry: exported, exportName: 'module.exports' };
  if (typeof exported !== 'object' || exported === null || Array.isArray(exported)) {
    return { ok: false, message: `not a catalog: it exports ${Array.isArray(exported) ? 'an array' : typeof exported === 'object' ? 'null' : `a ${typeof exported}`}; export the catalog (a Registry) as the default export` };
  }
  const record = exported as Record<string, unknown>;
  if ('default' in record && record.default !== undefined) {
    if (isCatalogShaped(record.default)) return { ok: true, registry: record.default, exportName: 'default' };
    return { ok: false, message: `not a catalog: its default export lacks ${missingCatalogFields(record.default).join(', ')}` };
  }
  const candidates = Object.entries(record).filter(([name, value]) => name !== '__esModule' && isCatalogShaped(value));
  if (candidates.length === 1) return { ok: true, registry: candidates[0][1] as Registry, exportName: candidates[0][0] };
  if (candidates.length > 1) {
    return { ok: false, message: `ambiguous: the exports ${candidates.map(([name]) => name).join(', ')} are all catalogs; export the one to use as the default export` };
  }
  const names = Object.keys(record).filter((name) => name !== '__esModule');
  return {
    ok: false,
    message: `no catalog among its exports (${names.length > 0 ? names.join(', ') : 'it exports nothing'}): export a Registry (${REQUIRED.join(', ')}) as the default export`,
  };
}
