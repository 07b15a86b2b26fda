import { BUILD_CEILING, type Registry, type Stability } from '@featuregates/gates';
import { eachConfigurations } from './each';
import { fullRows, fullSize } from './full';
import { matrixKeys } from './keys';
import { pairwiseRows } from './pairwise';
import type { Matrix, MatrixConfiguration, MatrixKey, MatrixStrategy } from './types';
import { isRealConfiguration } from './validity';

/** The most configurations `full` produces unless told otherwise. */
export const DEFAULT_FULL_LIMIT = 4096;

export interface MatrixOptions {
  /** Only values this ceiling admits are used; this build's ceiling by default. */
  ceiling?: Stability;
  /** The most configurations `full` may produce. */
  limit?: number;
}

export class MatrixTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
    message: string,
  ) {
    super(message);
    this.name = 'MatrixTooLargeError';
  }
}

const grouped = (n: number) => n.toLocaleString('en-US');

function configurationOf(keys: readonly MatrixKey[], row: readonly number[]): Record<string, string> {
  return Object.fromEntries(keys.map((entry, index) => [entry.key, entry.values[row[index]]]));
}

function rowsFor(strategy: 'pairwise' | 'full', catalog: Registry, keys: readonly MatrixKey[], ceiling: Stability, limit: number): number[][] {
  if (strategy === 'pairwise') {
    const feasible = (i: number, a: number, j: number, b: number) =>
      isRealConfiguration(catalog, { [keys[i].key]: keys[i].values[a], [keys[j].key]: keys[j].values[b] }, ceiling);
    return pairwiseRows(keys, feasible);
  }
  const size = fullSize(keys);
  if (size > limit) {
    const pairwise = pairwiseRows(keys, () => true).length;
    const factors = keys.map((entry) => entry.values.length).join(' × ');
    throw new MatrixTooLargeError(
      size,
      limit,
      `the full matrix has ${grouped(size)} configurations (${factors} over ${keys.length} keys), more than the limit of ${grouped(limit)}: use --strategy pairwise (${pairwise} configurations cover every pair of values) or each`,
    );
  }
  return fullRows(keys);
}

/**
 * The configurations to run a suite under, by strategy: `each` (one factor at a time), `pairwise`
 * (every pair of values of every two keys) or `full` (every combination, refused above the limit).
 * Every configuration parses, and holds each value as written.
 */
export function generateMatrix(catalog: Registry, strategy: MatrixStrategy, options: MatrixOptions = {}): Matrix {
  const ceiling = options.ceiling ?? BUILD_CEILING;
  const keys = matrixKeys(catalog, ceiling);
  let configurations: MatrixConfiguration[];
  if (strategy === 'each') {
    configurations = eachConfigurations(keys, catalog.apiFieldsKey);
  } else {
    const rows = rowsFor(strategy, catalog, keys, ceiling, options.limit ?? DEFAULT_FULL_LIMIT);
    const width = String(rows.length).length;
    configurations = rows
      .map((row) => configurationOf(keys, row))
      .filter((flags) => strategy === 'pairwise' || isRealConfiguration(catalog, flags, ceiling))
      .map((flags, index) => ({ name: `${strategy}-${String(index + 1).padStart(width, '0')}`, flags }));
  }
  for (const configuration of configurations) {
    if (!isRealConfiguration(catalog, configuration.flags, ceiling)) {
      throw new Error(`internal error: configuration ${configuration.name} does not hold as written: ${JSON.stringify(configuration.flags)}`);
    }
  }
  return { catalog: catalog.name, strategy, ceiling, keys, fullSize: fullSize(keys), configurations };
}
