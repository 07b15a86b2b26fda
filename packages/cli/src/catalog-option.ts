/** The help text of `--catalog`, the same on every command. */
export const CATALOG_HELP = 'the catalog: a .ts, .js or .json module exporting it (default: "featuregates".catalog of the nearest package.json)';
