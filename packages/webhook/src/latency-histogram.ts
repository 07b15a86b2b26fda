/** One line of the exposition, in the shape prom-client's registry reads from `get()`. */
export interface HistogramValue {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

/**
 * A Prometheus histogram with one label, counted in plain arrays: prom-client's Histogram hashes
 * its label object on every observation, which is measurable on a path that takes tens of µs.
 * Registered in a prom-client registry as a metric of its own (`registerMetric`).
 */
export class LatencyHistogram {
  readonly type = 'histogram' as const;
  readonly aggregator = 'sum' as const;
  private readonly series = new Map<string, { counts: number[]; sum: number; count: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly labelName: string,
    private readonly buckets: readonly number[],
  ) {}

  observe(labelValue: string, seconds: number): void {
    let series = this.series.get(labelValue);
    if (!series) {
      series = { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(labelValue, series);
    }
    series.sum += seconds;
    series.count++;
    for (let i = 0; i < this.buckets.length; i++) {
      if (seconds <= this.buckets[i]) {
        series.counts[i]++;
        break;
      }
    }
  }

  get(): { name: string; help: string; type: 'histogram'; values: HistogramValue[]; aggregator: 'sum' } {
    const values: HistogramValue[] = [];
    for (const [labelValue, series] of this.series) {
      let cumulative = 0;
      this.buckets.forEach((bound, i) => {
        cumulative += series.counts[i];
        values.push({ metricName: `${this.name}_bucket`, labels: { le: bound, [this.labelName]: labelValue }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { le: '+Inf', [this.labelName]: labelValue }, value: series.count });
      values.push({ metricName: `${this.name}_sum`, labels: { [this.labelName]: labelValue }, value: series.sum });
      values.push({ metricName: `${this.name}_count`, labels: { [this.labelName]: labelValue }, value: series.count });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  reset(): void {
    this.series.clear();
  }
}
