import { BUILD_CEILING, moreStable, parseConfig, type Registry, type Stability } from '@featuregates/gates';
import { effectiveFlags, generateMatrix, missingPairs, MatrixTooLargeError, pairCount, DEFAULT_FULL_LIMIT, type Matrix, type MatrixStrategy } from '@featuregates/testing';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CATALOG_HELP } from '../catalog-option';
import { CliError, EXIT, type Io } from '../io';
import type { ProjectSource } from '../project/load-project';

interface MatrixOptions {
  strategy: MatrixStrategy;
  output: 'text' | 'json';
  ceiling?: Stability;
  limit: number;
  catalog?: string;
}

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('expected a positive integer');
  return value;
}

const grouped = (n: number) => n.toLocaleString('en-US');

/** Keys a configuration sets to something other than the running default, as `key=value`. */
function settings(registry: Registry, flags: Readonly<Record<string, string>>, ceiling: Stability): string {
  const defaults = parseConfig(registry, {}, { ceiling }).config;
  const changed = Object.entries(flags).filter(([key, value]) => {
    if (key === registry.apiFieldsKey) return value !== defaults?.level;
    const fallback = defaults?.values.get(key)?.value;
    return value !== (Array.isArray(fallback) ? fallback.join(',') : String(fallback));
  });
  return changed.length === 0 ? '(defaults)' : changed.map(([key, value]) => `${key}=${value === '' ? '""' : value}`).join(' ');
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd());
}

function counts(registry: Registry, ceiling: Stability, matrix: Matrix) {
  const count = (strategy: MatrixStrategy) => (strategy === matrix.strategy ? matrix.configurations.length : generateMatrix(registry, strategy, { ceiling }).configurations.length);
  return { each: count('each'), pairwise: count('pairwise'), full: matrix.fullSize };
}

/** `featuregates matrix`: the configurations to run a suite under, as a table or as JSON. */
export function matrixCommand(registry: Registry, options: MatrixOptions, io: Io): number {
  const ceiling = moreStable(options.ceiling ?? BUILD_CEILING, BUILD_CEILING);
  let matrix: Matrix;
  try {
    matrix = generateMatrix(registry, options.strategy, { ceiling, limit: options.limit });
  } catch (error) {
    if (error instanceof MatrixTooLargeError) throw new CliError(error.message, EXIT.rejected);
    throw error;
  }
  const total = pairCount(matrix.keys);
  // A configuration that leaves a key unset runs it at its effective value; count that pair too.
  const effective = matrix.configurations.map((configuration) => ({ ...configuration, flags: effectiveFlags(registry, matrix.keys, configuration.flags, ceiling) }));
  const covered = total - missingPairs(matrix.keys, effective).length;
  const sizes = counts(registry, ceiling, matrix);

  if (options.output === 'json') {
    io.out(
      JSON.stringify(
        {
          catalog: matrix.catalog,
          strategy: matrix.strategy,
          ceiling,
          keys: Object.fromEntries(matrix.keys.map((entry) => [entry.key, entry.values])),
          counts: sizes,
          pairs: { total, covered },
          configurations: matrix.configurations,
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  io.out(
    `${matrix.strategy}: ${matrix.configurations.length} configurations over ${matrix.keys.length} varied keys of ${matrix.catalog}; ${grouped(covered)} of ${grouped(total)} value pairs covered (each: ${sizes.each}, pairwise: ${sizes.pairwise}, full: ${grouped(sizes.full)})`,
  );
  io.out('');
  const rows = matrix.configurations.map((configuration, index) => [String(index + 1), configuration.name, settings(registry, configuration.flags, ceiling)]);
  for (const line of table([['#', 'configuration', 'settings other than the default'], ...rows])) io.out(line);
  return EXIT.ok;
}

export function registerMatrix(program: Command, source: ProjectSource, io: Io, setExitCode: (code: number) => void): void {
  program
    .command('matrix')
    .description('The feature-flag configurations to run a test suite under: each level and flag value on its own (each), every pair of values (pairwise), or every combination (full).')
    .addOption(new Option('--strategy <strategy>', 'each, pairwise or full').choices(['each', 'pairwise', 'full']).default('each'))
    .addOption(new Option('-o, --output <format>', 'text or json').choices(['text', 'json']).default('text'))
    .addOption(new Option('--ceiling <level>', 'only values a bundle with this ceiling can set (default: this build\'s)').choices(['stable', 'beta', 'alpha']))
    .option('--limit <n>', 'the most configurations full may produce', positiveInteger, DEFAULT_FULL_LIMIT)
    .option('--catalog <module>', CATALOG_HELP)
    .action((options: MatrixOptions) => setExitCode(matrixCommand(source(options.catalog).registry, options, io)));
}
