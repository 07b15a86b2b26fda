import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { BUILD_CEILING, parseConfig, type ParseResult, type Registry } from '@featuregates/gates';
import { CORE_SCHEMA, load } from 'js-yaml';
import { CliError, EXIT } from './io';

/**
 * The `data` of a feature-flags config file: a ConfigMap manifest (its `data`), or a plain
 * key/value map. Anything else is an error that says which shape is expected.
 */
export function configDataOf(document: unknown, file: string): Record<string, unknown> {
  if (document === null || document === undefined) return {};
  if (typeof document !== 'object' || Array.isArray(document)) {
    throw new CliError(`${file}: expected a ConfigMap manifest or a map of feature-flag keys to values`);
  }
  const record = document as Record<string, unknown>;
  if (record.kind === 'ConfigMap') {
    const data = record.data ?? {};
    if (typeof data !== 'object' || Array.isArray(data) || data === null) throw new CliError(`${file}: the ConfigMap's data must be a map`);
    return data as Record<string, unknown>;
  }
  return record;
}

export function readConfigFile(file: string, cwd: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(isAbsolute(file) ? file : join(cwd, file), 'utf8');
  } catch {
    throw new CliError(`${file}: cannot read the config file`);
  }
  let document: unknown;
  try {
    document = load(text, { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    throw new CliError(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return configDataOf(document, file);
}

/** `KEY=VALUE` pairs from repeated `--set`. */
export function parseSets(sets: readonly string[]): Record<string, string> {
  const data: Record<string, string> = {};
  for (const set of sets) {
    const equals = set.indexOf('=');
    if (equals <= 0) throw new CliError(`--set ${set}: expected KEY=VALUE, e.g. --set enable-param-enum=true`, EXIT.usage);
    data[set.slice(0, equals)] = set.slice(equals + 1);
  }
  return data;
}

export interface ConfigOptions {
  config?: string;
  apiFields?: string;
  set?: string[];
}

/** The config a command decides with: file, then `--api-fields`, then `--set`, under this build's ceiling. */
export function loadConfig(registry: Registry, options: ConfigOptions, cwd: string): ParseResult {
  const data: Record<string, unknown> = options.config ? { ...readConfigFile(options.config, cwd) } : {};
  if (options.apiFields !== undefined) data[registry.apiFieldsKey] = options.apiFields;
  Object.assign(data, parseSets(options.set ?? []));
  return parseConfig(registry, data, { ceiling: BUILD_CEILING });
}
