import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { BUILD_CEILING, parseConfig, type ParseResult, type Registry } from '@featuregates/gates';
import { configDataOf as configDocumentData, parseConfigText } from '@featuregates/sources';
import { CliError, EXIT } from './io';

/** The `data` of a feature-flags config document (a ConfigMap manifest or a plain map), or a CliError. */
export function configDataOf(document: unknown, file: string): Record<string, unknown> {
  const result = configDocumentData(document, file);
  if (!result.ok) throw new CliError(result.message);
  return result.data;
}

export function readConfigFile(file: string, cwd: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(isAbsolute(file) ? file : join(cwd, file), 'utf8');
  } catch {
    throw new CliError(`${file}: cannot read the config file`);
  }
  const result = parseConfigText(text, file);
  if (!result.ok) throw new CliError(result.message);
  return result.data;
}

/**
 * `KEY=VALUE` pairs from repeated `--set`, in a map without a prototype: `__proto__` and
 * `constructor` are keys like any other, so parseConfig refuses them as unknown.
 */
export function parseSets(sets: readonly string[]): Record<string, string> {
  const data: Record<string, string> = Object.create(null);
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
  const data: Record<string, unknown> = Object.assign(Object.create(null), options.config ? readConfigFile(options.config, cwd) : {});
  if (options.apiFields !== undefined) data[registry.apiFieldsKey] = options.apiFields;
  Object.assign(data, parseSets(options.set ?? []));
  return parseConfig(registry, data, { ceiling: BUILD_CEILING });
}
