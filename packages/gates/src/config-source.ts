import { parseConfig, type ConfigIssue, type GateConfig, type ParseOptions } from './parse-config';
import type { Registry } from './registry';

/** What a config source holds: the last good config, and why the newest data was refused, if it was. */
export interface ConfigState {
  /** The last config that parsed without errors; undefined until one has. */
  config?: GateConfig;
  /** Errors of the newest data, when it did not replace the last good config. */
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
  /** Raw data of the last good config, as read. */
  data?: Readonly<Record<string, unknown>>;
  /** Counts every load attempt, good or bad. */
  revision: number;
  /** When the newest data was read (ISO time). */
  loadedAt?: string;
}

/**
 * Where a live configuration comes from: a plain map, a file, a Kubernetes ConfigMap. Adapters
 * with I/O implement it (see @featuregates/sources); the webhook and the behaviour switches read
 * through it. A bad config never replaces the last good one.
 */
export interface ConfigSource {
  state(): ConfigState;
  /** Called after every load attempt, good or bad; returns an unsubscribe function. */
  onChange(listener: (state: ConfigState) => void): () => void;
  /** Re-read now; resolves to the state after the read. */
  refresh(): Promise<ConfigState>;
  close(): Promise<void>;
}

/** The next state after reading `data`: a good config replaces the old one, a bad one only reports. */
export function nextState(previous: ConfigState, registry: Registry, data: unknown, options: ParseOptions, loadedAt?: string): ConfigState {
  const result = parseConfig(registry, data, options);
  const revision = previous.revision + 1;
  const at = loadedAt === undefined ? {} : { loadedAt };
  if (!result.config) return { ...previous, errors: result.errors, warnings: result.warnings, revision, ...at };
  return { config: result.config, errors: [], warnings: result.warnings, data: { ...(data as Record<string, unknown>) }, revision, ...at };
}

export const EMPTY_STATE: ConfigState = { errors: [], warnings: [], revision: 0 };

/** A source over a fixed map (tests, the CLI, controllers configured in code). */
export function staticSource(registry: Registry, data: Record<string, unknown> = {}, options: ParseOptions = {}): ConfigSource {
  const state = nextState(EMPTY_STATE, registry, data, options);
  return {
    state: () => state,
    onChange: () => () => undefined,
    refresh: async () => state,
    close: async () => undefined,
  };
}
