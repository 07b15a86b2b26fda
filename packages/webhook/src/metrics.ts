import { featureState, type ConfigState, type FeatureUse, type Registry } from '@featuregates/gates';
import { collectDefaultMetrics, Counter, Gauge, Registry as MetricsRegistry } from 'prom-client';
import { LatencyHistogram } from './latency-histogram';

export type AdmissionResult = 'allowed' | 'denied' | 'invalid';

interface TallyEntry {
  labels: Record<string, string>;
  count: number;
  reported: number;
}

/**
 * Counts by label set, kept as plain numbers until a scrape hands a prom-client counter what was
 * added since the last one. Label values are looked up level by level in nested maps rather than
 * joined into one key, so counting builds no string.
 */
class Tally {
  private readonly root = new Map<string, unknown>();

  constructor(private readonly labelNames: readonly string[]) {}

  add(values: readonly string[], count = 1): void {
    let level = this.root;
    const last = values.length - 1;
    for (let i = 0; i < last; i++) {
      let next = level.get(values[i]) as Map<string, unknown> | undefined;
      if (!next) {
        next = new Map();
        level.set(values[i], next);
      }
      level = next;
    }
    const entry = level.get(values[last]) as TallyEntry | undefined;
    if (entry) entry.count += count;
    else level.set(values[last], { labels: Object.fromEntries(this.labelNames.map((name, i) => [name, values[i]])), count, reported: 0 });
  }

  flushInto(counter: Counter<string>): void {
    const visit = (level: Map<string, unknown>, depth: number): void => {
      for (const value of level.values()) {
        if (depth < this.labelNames.length - 1) {
          visit(value as Map<string, unknown>, depth + 1);
          continue;
        }
        const entry = value as TallyEntry;
        if (entry.count === entry.reported) continue;
        counter.inc(entry.labels, entry.count - entry.reported);
        entry.reported = entry.count;
      }
    };
    visit(this.root, 0);
  }
}

/**
 * Every metric the webhook exports, in its own prom-client registry. Label values that come from
 * requests are bounded (known kinds, the four operations) so a caller cannot blow up cardinality.
 */
export class WebhookMetrics {
  readonly registry = new MetricsRegistry();
  private readonly duration = new LatencyHistogram(
    'featuregates_admission_duration_seconds',
    'Time from a parsed body to the answer, by route.',
    'route',
    [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
  );
  private readonly featureEnabled: Gauge<'name' | 'stage'>;
  private readonly configReloads: Counter<'result'>;
  private readonly configLastSuccess: Gauge;
  private readonly certificateReloads: Counter<'result'>;
  private readonly certificateExpiry: Gauge<'which'>;
  private readonly certificateRotations: Counter<'which'>;
  private readonly knownKinds: ReadonlySet<string>;
  private inFlight: () => number = () => 0;
  // prom-client hashes a label object on every call, so the hot path counts in plain maps and a
  // scrape hands the counters what was added since the last one.
  private readonly requestTally = new Tally(['route', 'kind', 'operation', 'result']);
  private readonly useTally = new Tally(['feature', 'decision']);
  // Label arrays reused for every count: the tally copies what it keeps.
  private readonly requestLabels: string[] = ['', '', '', ''];
  private readonly useLabels: string[] = ['', ''];

  constructor(private readonly gates: Registry) {
    const registers = [this.registry];
    this.knownKinds = new Set(gates.kinds.map((kind) => kind.kind));
    const requestTally = this.requestTally;
    const useTally = this.useTally;
    new Counter({
      name: 'featuregates_admission_requests_total',
      help: 'Admission reviews answered, by route, kind, operation and result (allowed, denied, invalid).',
      labelNames: ['route', 'kind', 'operation', 'result'],
      registers,
      collect() {
        requestTally.flushInto(this);
      },
    });
    this.registry.registerMetric(this.duration as never);
    this.featureEnabled = new Gauge({ name: 'featuregates_feature_enabled', help: 'Whether a gated API feature is on (1) or off (0) under the current config, by name and stage.', labelNames: ['name', 'stage'], registers });
    new Counter({
      name: 'featuregates_feature_uses_total',
      help: 'Uses of gated features in admitted objects, by feature and decision (allowed, rejected, ratcheted).',
      labelNames: ['feature', 'decision'],
      registers,
      collect() {
        useTally.flushInto(this);
      },
    });
    this.configReloads = new Counter({ name: 'featuregates_config_reloads_total', help: 'Config load attempts, by result (success, failure).', labelNames: ['result'], registers });
    this.configLastSuccess = new Gauge({ name: 'featuregates_config_last_success_timestamp_seconds', help: 'When a config last loaded without errors.', registers });
    this.certificateReloads = new Counter({ name: 'featuregates_certificate_reloads_total', help: 'Certificate loads from files, by result (success, failure).', labelNames: ['result'], registers });
    this.certificateExpiry = new Gauge({
      name: 'featuregates_certificate_expiry_timestamp_seconds',
      help: 'When a certificate expires, by which (serving, ca, next-ca, previous-ca); absent ones are not reported.',
      labelNames: ['which'],
      registers,
    });
    this.certificateRotations = new Counter({
      name: 'featuregates_certificate_rotations_total',
      help: 'Certificates this replica switched to, by which (serving: a new serving certificate; ca: a new signing CA).',
      labelNames: ['which'],
      registers,
    });
    for (const which of ['serving', 'ca']) this.certificateRotations.inc({ which }, 0);
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
    const values = this.requestLabels;
    values[0] = route;
    values[1] = boundedKind;
    values[2] = operation;
    values[3] = result;
    this.requestTally.add(values);
    this.duration.observe(route, seconds);
  }

  featureUses(uses: readonly FeatureUse[]): void {
    const values = this.useLabels;
    for (const use of uses) {
      values[0] = use.feature;
      values[1] = use.decision;
      this.useTally.add(values);
    }
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

  /** The expiry times (ISO) of the certificates in use; a missing one is dropped from the gauge. */
  certificateExpiries(expiries: Partial<Record<'serving' | 'ca' | 'next-ca' | 'previous-ca', string>>): void {
    this.certificateExpiry.reset();
    for (const [which, notAfter] of Object.entries(expiries)) if (notAfter) this.certificateExpiry.set({ which }, Date.parse(notAfter) / 1000);
  }

  certificateRotated(which: 'serving' | 'ca'): void {
    this.certificateRotations.inc({ which });
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
