import { staticSource } from '@featuregates/gates';
import { catalog } from './test-support/catalog';
import { WebhookMetrics } from './metrics';

describe('WebhookMetrics', () => {
  it('exports requests, latency, feature state, uses and reloads in Prometheus text', async () => {
    const metrics = new WebhookMetrics(catalog);
    metrics.configLoaded(staticSource(catalog, { 'enable-api-fields': 'beta' }).state());
    metrics.configLoaded(staticSource(catalog, { 'enable-api-fields': 'betta' }).state());
    metrics.admission('/validate', 'Widget', 'CREATE', 'denied', 0.0004);
    metrics.admission('/validate', 'Widget', 'CREATE', 'denied', 0.0004);
    metrics.admission('/validate', 'Made-Up-Kind', 'CREATE', 'allowed', 0.0001);
    metrics.featureUses([{ feature: 'fan-out', title: 'fanOut', stability: 'beta', path: 'spec.parts[0].fanOut', decision: 'rejected' }]);
    metrics.certificateLoaded(false);
    metrics.countInFlight(() => 3);
    const text = await metrics.text();
    expect(text).toContain('featuregates_admission_requests_total{route="/validate",kind="Widget",operation="CREATE",result="denied"} 2');
    expect(text).toContain('featuregates_admission_requests_total{route="/validate",kind="other",operation="CREATE",result="allowed"} 1');
    expect(text).toContain('featuregates_admission_duration_seconds_bucket{le="0.0005",route="/validate"} 3');
    expect(text).toContain('featuregates_feature_enabled{name="fan-out",stage="beta"} 1');
    expect(text).toContain('featuregates_feature_enabled{name="turbo",stage="alpha"} 0');
    expect(text).toContain('featuregates_feature_uses_total{feature="fan-out",decision="rejected"} 1');
    expect(text).toContain('featuregates_config_reloads_total{result="success"} 1');
    expect(text).toContain('featuregates_config_reloads_total{result="failure"} 1');
    expect(text).toContain('featuregates_certificate_reloads_total{result="failure"} 1');
    expect(text).toContain('featuregates_http_requests_in_flight 3');
    expect(text).toContain('process_resident_memory_bytes');
  });
});

describe('certificate metrics', () => {
  it('report each certificate\'s expiry, drop the ones gone, and count rotations by which', async () => {
    const metrics = new WebhookMetrics(catalog);
    metrics.certificateExpiries({ serving: '2026-01-08T00:00:00.000Z', ca: '2026-01-29T00:00:00.000Z', 'next-ca': '2026-02-26T00:00:00.000Z' });
    metrics.certificateExpiries({ serving: '2026-01-08T00:00:00.000Z', ca: '2026-01-29T00:00:00.000Z' });
    metrics.certificateRotated('serving');
    const text = await metrics.text();
    expect(text).toContain('featuregates_certificate_expiry_timestamp_seconds{which="serving"} 1767830400');
    expect(text).toContain('featuregates_certificate_expiry_timestamp_seconds{which="ca"} 1769644800');
    expect(text).not.toContain('which="next-ca"');
    expect(text).toContain('featuregates_certificate_rotations_total{which="serving"} 1');
    expect(text).toContain('featuregates_certificate_rotations_total{which="ca"} 0');
  });
});
