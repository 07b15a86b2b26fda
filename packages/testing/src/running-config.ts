import { readFileSync } from 'node:fs';
import { parseConfig, type GateConfig, type Registry } from '@featuregates/gates';
import * as messages from './messages';

/** The variable that carries the config a suite runs under: JSON, or the path of a JSON file. */
export const CONFIG_ENV = 'FEATUREGATES_CONFIG';

export interface RunningData {
  data: Record<string, unknown>;
  /** Where the data came from, for messages. */
  origin: string;
}

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A ConfigMap's `data`, a matrix configuration's `flags`, or a plain key/value map. */
function dataOf(document: unknown, origin: string): Record<string, unknown> {
  if (!isMap(document)) throw new Error(messages.notAConfig(origin));
  if (document.kind === 'ConfigMap') return isMap(document.data) ? document.data : {};
  if (isMap(document.flags) && typeof document.name === 'string') return document.flags;
  return document;
}

/** The running config's data: FEATUREGATES_CONFIG's JSON, or the JSON file it names; empty (all defaults) when unset. */
export function runningData(env: Readonly<Record<string, string | undefined>> = process.env): RunningData {
  const raw = env[CONFIG_ENV]?.trim();
  if (!raw) return { data: {}, origin: messages.defaultsOrigin() };
  const inline = raw.startsWith('{');
  const origin = inline ? CONFIG_ENV : `${CONFIG_ENV} file ${raw}`;
  let text = raw;
  if (!inline) {
    try {
      text = readFileSync(raw, 'utf8');
    } catch {
      throw new Error(messages.unreadableFile(raw));
    }
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(messages.notJson(origin, (error as Error).message));
  }
  return { data: dataOf(document, origin), origin };
}

/** The running config, parsed strictly against the catalog: a bad one fails the suite rather than running it under defaults. */
export function runningConfig(catalog: Registry, env: Readonly<Record<string, string | undefined>> = process.env): GateConfig {
  const { data, origin } = runningData(env);
  const result = parseConfig(catalog, data);
  if (!result.config) throw new Error(messages.invalidRunningConfig(origin, result.errors.map((error) => error.message)));
  return result.config;
}
