import { featureState, type ConfigState, type FeatureUse, type Registry } from '@featuregates/gates';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry as MetricsRegistry } from 'prom-client';

export type AdmissionResult = 'allowed' | 'denied' | 'invalid';

/**
 * Every metric the webhook exports, in its own prom-client registry. Label values that come from
 * requests are bounded (known kinds, the four operations) so a caller cannot blow up cardinality.
 */
export class WebhookMetrics {
  readonly registry = new MetricsRegistry();
  private readonly requests: Counter<'route' | 'kind' | 'operation' | 'result'>;
  private readonly duration: Histogram<'route'>;
  private readonly featureEnabled: Gauge<'name' | 'stage'>;
  private readonly uses: Counter<'feature' | 'decision'>;
  private readonly configReloads: Counter<'result'>;
  private readonly configLastSuccess: Gauge;
  private readonly certificateReloads: Counter<'result'>;
  private readonly knownKinds: ReadonlySet<string>;
  private inFlight: () => number = () => 0;
  // prom-client hashes label objects on every call; children are looked up once per label set.
  private readonly requestChildren = new Map<string, { inc(): void }>();
  private readonly durationChildren = new Map<string, { observe(value: number): void }>();

  constructor(private readonly gates: Registry) {
    const registers = [this.registry];
    this.knownKinds = new Set(gates.kinds.map((kind) => kind.kind));
    this.requests = new Counter({ name: 'featuregates_admission_requests_total', help: 'Admission reviews answered, by route, kind, operation and result (allowed, denied, invalid).', labelNames: ['route', 'kind', 'operation', 'result'], registers });
    this.duration = new Histogram({
      name: 'featuregates_admission_duration_seconds',
      help: 'Time from a parsed body to the answer, by route.',
      labelNames: ['route'],
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
    this.featureEnabled = new Gauge({ name: 'featuregates_feature_enabled', help: 'Whether a gated API feature is on (1) or off (0) under the current config, by name and stage.', labelNames: ['name', 'stage'], registers });
    this.uses = new Counter({ name: 'featuregates_feature_uses_total', help: 'Uses of gated features in admitted objects, by feature and decision (allowed, rejected, ratcheted).', labelNames: ['feature', 'decision'], registers });
    this.configReloads = new Counter({ name: 'featuregates_config_reloads_total', help: 'Config load attempts, by result (success, failure).', labelNames: ['result'], registers });
    this.configLastSuccess = new Gauge({ name: 'featuregates_config_last_success_timestamp_seconds', help: 'When a config last loaded without errors.', registers });
    this.certificateReloads = new Counter({ name: 'featuregates_certificate_reloads_total', help: 'Certificate loads from files, by result (success, failure).', labelNames: ['result'], registers });
    const readInFlight = () => this.inFlight();
    new Gauge({
      name: 'featuregates_http_requests_in_flight',
      help: 'HTTP requests received and not yet answered (this scrape included).',
      registers,
      collect() {
        this.set(readInFlight());
      },
    });
    for (const result of ['success', 'failure']) {
      this.configReloads.inc({ result }, 0);
      this.certificateReloads.inc({ result }, 0);
    }
    collectDefaultMetrics({ register: this.registry });
  }

  admission(route: string, kind: string, operation: string, result: AdmissionResult, seconds: number): void {
    const boundedKind = this.knownKinds.has(kind) ? kind : 'other';
    const key = `${route}\u0000${boundedKind}\u0000${operation}\u0000${result}`;
    let counter = this.requestChildren.get(key);
    if (!counter) {
      counter = this.requests.labels({ route, kind: boundedKind, operation, result });
      this.requestChildren.set(key, counter);
    }
    counter.inc();
    let histogram = this.durationChildren.get(route);
    if (!histogram) {
      histogram = this.duration.labels({ route });
      this.durationChildren.set(route, histogram);
    }
    histogram.observe(seconds);
  }

  featureUses(uses: readonly FeatureUse[]): void {
    for (const use of uses) this.uses.inc({ feature: use.feature, decision: use.decision });
  }

  /** After every load attempt of the config source: counts it, and on success updates the feature gauges. */
  configLoaded(state: ConfigState): void {
    const ok = state.errors.length === 0 && state.config !== undefined;
    this.configReloads.inc({ result: ok ? 'success' : 'failure' });
    if (!ok || !state.config) return;
    this.configLastSuccess.set(Date.now() / 1000);
    for (const feature of this.gates.features) {
      this.featureEnabled.set({ name: feature.name, stage: feature.stability }, featureState(feature, state.config).enabled ? 1 : 0);
    }
  }

  /** Where the in-flight gauge reads from: the HTTPS server, once it listens. */
  countInFlight(count: () => number): void {
    this.inFlight = count;
  }

  certificateLoaded(ok: boolean): void {
    this.certificateReloads.inc({ result: ok ? 'success' : 'failure' });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
