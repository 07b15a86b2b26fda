import { Registry } from 'prom-client';
import { LatencyHistogram } from './latency-histogram';

describe('LatencyHistogram', () => {
  it('exports cumulative buckets, +Inf, sum and count per label value in Prometheus text', async () => {
    const registry = new Registry();
    const histogram = new LatencyHistogram('x_seconds', 'How long.', 'route', [0.001, 0.01]);
    registry.registerMetric(histogram as never);
    histogram.observe('/a', 0.0005);
    histogram.observe('/a', 0.005);
    histogram.observe('/a', 5);
    histogram.observe('/b', 0.001);
    const text = await registry.metrics();
    expect(text).toContain('# TYPE x_seconds histogram');
    expect(text.split('\n').filter((line) => line.startsWith('x_seconds'))).toEqual([
      'x_seconds_bucket{le="0.001",route="/a"} 1',
      'x_seconds_bucket{le="0.01",route="/a"} 2',
      'x_seconds_bucket{le="+Inf",route="/a"} 3',
      'x_seconds_sum{route="/a"} 5.0055',
      'x_seconds_count{route="/a"} 3',
      'x_seconds_bucket{le="0.001",route="/b"} 1',
      'x_seconds_bucket{le="0.01",route="/b"} 1',
      'x_seconds_bucket{le="+Inf",route="/b"} 1',
      'x_seconds_sum{route="/b"} 0.001',
      'x_seconds_count{route="/b"} 1',
    ]);
  });
});
