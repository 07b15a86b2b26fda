import type { Registry } from '@featuregates/gates';

/**
 * The keys whose announced default change a ConfigMap hears of, from the catalog's entries: each
 * announced default (`defaultChange` of a flag, `levelDefaultChange` of the level key) that the
 * ConfigMap leaves unset, since only a cluster that relies on the default is warned. Today's
 * catalog may announce none; a release that announces one adds its warning to every ConfigMap
 * that leaves the key unset, and tests that count warnings take them from here.
 * Assumes the bundle's default ceiling and no implied values (a flag the alpha level implies is
 * not "relying on the default").
 */
export function announcedUnsetKeys(catalog: Registry, configMap: Readonly<Record<string, string>>): string[] {
  const keys = catalog.flags.filter((flag) => flag.defaultChange && !(flag.key in configMap)).map((flag) => flag.key);
  return catalog.levelDefaultChange && !(catalog.apiFieldsKey in configMap) ? [catalog.apiFieldsKey, ...keys] : keys;
}

/** A matcher for each announced-default warning a ConfigMap gets (see `announcedUnsetKeys`), in the catalog's order. */
export function announcedDefaultWarnings(catalog: Registry, configMap: Readonly<Record<string, string>>): unknown[] {
  return announcedUnsetKeys(catalog, configMap).map((key) => expect.stringContaining(`"${key}" is unset, so it takes the default`));
}
