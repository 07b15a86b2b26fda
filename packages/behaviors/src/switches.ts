import { assertValidCatalog, formatValue, staticSource, type ConfigSource, type ConfigState, type GateConfig, type Registry, type Stability } from '@featuregates/gates';
import { Registry as MetricsRegistry } from 'prom-client';
import { deprecationsInUse } from './deprecations';
import { jsonLogger, type Logger } from './logger';
import * as messages from './messages';
import { featureEnabledGauge, recordEnabled } from './metrics';
import { fromProvenance, type ProvenanceReading } from './read-provenance';
import { createSnapshot, type Snapshot } from './snapshot';

export interface SwitchesOptions<R extends Registry> {
  catalog: R;
  /** A live source (file, Kubernetes ConfigMap, …) or a plain ConfigMap `data` map. */
  source: ConfigSource | Readonly<Record<string, unknown>>;
  /** Defaults to JSON lines on stderr. */
  logger?: Logger;
  /** The registry the `featuregates_feature_enabled` gauge goes on; a private one when omitted. */
  metrics?: { registry: MetricsRegistry };
  /** The bundle ceiling for a plain map (a live source brings its own). */
  ceiling?: Stability;
}

export type ChangeListener<R extends Registry> = (snapshot: Snapshot<R>, previous: Snapshot<R>) => void;

export interface Switches<R extends Registry> {
  /** The current flags, frozen: read it once per reconcile so the whole reconcile sees one config. */
  snapshot(): Snapshot<R>;
  /** Called after a new good config replaced the previous one; returns an unsubscribe function. */
  onChange(listener: ChangeListener<R>): () => void;
  /** Reads back the flags a run recorded; never throws on old or new records. */
  fromProvenance(record: unknown): ProvenanceReading<R>;
  /** Where the gauge is registered. */
  readonly metrics: MetricsRegistry;
  /** Stops following the source (and closes it, when the switches made it from a plain map). */
  close(): Promise<void>;
}

/**
 * Whether two configs decide everything alike: the level, the ceiling and every effective value
 * (an own flag's effective value already says whether its feature is on).
 */
function sameDecisions(a: GateConfig, b: GateConfig): boolean {
  if (a.level !== b.level || a.ceiling !== b.ceiling) return false;
  return a.registry.flags.every((flag) => {
    const left = a.values.get(flag.key)?.value;
    const right = b.values.get(flag.key)?.value;
    return left !== undefined && right !== undefined && formatValue(left) === formatValue(right);
  });
}

function isConfigSource(source: unknown): source is ConfigSource {
  const candidate = source as Partial<ConfigSource>;
  return typeof candidate.state === 'function' && typeof candidate.onChange === 'function';
}

/**
 * Behaviour switches for a controller: typed snapshots over a config source, change events, a
 * warning once per deprecated key and value in use, and the feature-enabled gauge. A catalog that
 * does not validate (`validateCatalog`) throws a CatalogError listing every problem.
 */
export function createSwitches<R extends Registry>(options: SwitchesOptions<R>): Switches<R> {
  const { catalog } = options;
  assertValidCatalog(catalog);
  const logger = options.logger ?? jsonLogger;
  const ownsSource = !isConfigSource(options.source);
  const source = isConfigSource(options.source) ? options.source : staticSource(catalog, { ...options.source }, options.ceiling ? { ceiling: options.ceiling } : {});
  if (ownsSource && !source.state().config) throw new Error(messages.invalidConfig(source.state().errors.map((error) => error.message)));

  const metrics = options.metrics?.registry ?? new MetricsRegistry();
  const gauge = featureEnabledGauge(metrics);
  const warned = new Set<string>();
  const listeners = new Set<ChangeListener<R>>();
  let current: Snapshot<R> | undefined;
  let seenConfig: GateConfig | undefined;
  let reportedRevision = -1;

  const warnOnce = (id: string, message: string, fields: Record<string, unknown>) => {
    if (warned.has(id)) return;
    warned.add(id);
    logger.warn(message, fields);
  };

  const warnAbout = (config: GateConfig, state: ConfigState) => {
    const deprecations = deprecationsInUse(config);
    for (const deprecation of deprecations) warnOnce(deprecation.id, deprecation.message, { key: deprecation.key });
    // Removed and misspelt keys and announced default changes; a deprecation above is not told twice.
    const covered = new Set(deprecations.map((deprecation) => deprecation.message));
    for (const warning of state.warnings) if (!covered.has(warning.message)) warnOnce(`config:${warning.message}`, warning.message, { key: warning.key });
  };

  const adopt = (config: GateConfig) => {
    const previous = current;
    current = createSnapshot(catalog, config);
    recordEnabled(gauge, config);
    if (!previous) return;
    for (const listener of listeners) {
      try {
        listener(current, previous);
      } catch (error) {
        logger.error(messages.listenerFailed(error));
      }
    }
  };

  const follow = (state: ConfigState) => {
    if (state.errors.length > 0 && state.revision !== reportedRevision) {
      reportedRevision = state.revision;
      logger.error(messages.configRejected(state.errors.map((error) => error.message)), { revision: state.revision });
    }
    if (!state.config || state.config === seenConfig) return;
    seenConfig = state.config;
    warnAbout(state.config, state);
    // A reload that decides nothing differently (the same ConfigMap read again) is not a change.
    if (!current || !sameDecisions(current.config, state.config)) adopt(state.config);
  };

  follow(source.state());
  const unsubscribe = source.onChange(follow);

  return {
    snapshot: () => {
      if (!current) throw new Error(messages.noConfigYet(source.state().errors.map((error) => error.message)));
      return current;
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fromProvenance: (record) => fromProvenance(catalog, record),
    metrics,
    close: async () => {
      unsubscribe();
      listeners.clear();
      if (ownsSource) await source.close();
    },
  };
}
