import type { ConfigState } from '@featuregates/gates';
import { catalog } from './test-support/catalog';
import { configMapSource, type ConfigMapConfigSource, type SourceEvent } from './configmap-source';
import { ConfigMapApiServerStandIn } from './test-support/configmap-apiserver-stand-in';
import { eventually } from './test-support/eventually';

// Every test talks to a local stand-in for kube-apiserver (see the stand-in's doc comment), never a cluster.
describe('configMapSource against a stand-in API server', () => {
  let apiServer: ConfigMapApiServerStandIn;
  let source: ConfigMapConfigSource | undefined;
  let events: SourceEvent[];

  const open = (options: Partial<Parameters<typeof configMapSource>[1]> = {}) => {
    events = [];
    source = configMapSource(catalog, {
      namespace: 'widgets',
      name: 'feature-flags',
      kubeConfig: apiServer.kubeConfig(),
      backoff: { initialMs: 20, maxMs: 100 },
      report: (event) => events.push(event),
      ...options,
    });
    return source;
  };
  const level = () => source?.state().config?.level;

  beforeEach(async () => {
    apiServer = await new ConfigMapApiServerStandIn('widgets').start();
    apiServer.set('feature-flags', { 'enable-api-fields': 'stable' });
  });

  afterEach(async () => {
    await source?.close();
    source = undefined;
    await apiServer.close();
  });

  it('lists, then follows the watch', async () => {
    const changes: ConfigState[] = [];
    open().onChange((state) => changes.push(state));
    await source?.firstLoad;
    expect(level()).toBe('stable');
    expect(apiServer.requests.slice(0, 2)).toEqual([{ type: 'list' }, { type: 'watch', resourceVersion: String(apiServer.currentResourceVersion) }]);
    apiServer.set('feature-flags', { 'enable-api-fields': 'alpha' });
    await eventually(() => expect(level()).toBe('alpha'));
    expect(changes.map((state) => state.config?.level)).toEqual(['stable', 'alpha']);
    expect(apiServer.count('list')).toBe(1);
  });

  it('ignores other ConfigMaps in the namespace', async () => {
    open();
    await source?.firstLoad;
    apiServer.set('config-defaults', { 'default-timeout-minutes': '60' });
    apiServer.set('feature-flags', { 'enable-api-fields': 'beta' });
    await eventually(() => expect(level()).toBe('beta'));
    expect(source?.state().errors).toEqual([]);
  });

  it('keeps the last good config on bad data, and on deletion, and reports both', async () => {
    open();
    await source?.firstLoad;
    apiServer.set('feature-flags', { 'enable-api-fields': 'betta' });
    await eventually(() => expect(source?.state().errors[0]?.message).toContain('"betta"'));
    expect(level()).toBe('stable');
    apiServer.remove('feature-flags');
    await eventually(() => expect(source?.state().errors[0]?.message).toBe('ConfigMap widgets/feature-flags not found'));
    expect(level()).toBe('stable');
    apiServer.set('feature-flags', { 'enable-api-fields': 'beta' });
    await eventually(() => expect(level()).toBe('beta'));
  });

  it('refuses a reload with a 2,000,000-character key and 10,000 junk keys through the bounded parse, echoing little', async () => {
    open();
    await source?.firstLoad;
    const data: Record<string, string> = { ['k'.repeat(2_000_000)]: 'v' };
    for (let i = 0; i < 10_000; i++) data[`junk-${i}`] = 'x'.repeat(100);
    apiServer.set('feature-flags', data);
    await eventually(() => expect(source?.state().errors.at(-1)?.message).toBe('…and 9981 more unknown keys'));
    expect(level()).toBe('stable');
    expect(JSON.stringify(source?.state().errors).length).toBeLessThan(20_000);
  });

  it('resumes the watch from its resourceVersion after a dropped connection', async () => {
    open();
    await source?.firstLoad;
    await eventually(() => expect(apiServer.count('watch')).toBe(1));
    apiServer.dropWatches();
    apiServer.set('feature-flags', { 'enable-api-fields': 'alpha' });
    await eventually(() => expect(level()).toBe('alpha'));
    expect(apiServer.count('watch')).toBeGreaterThanOrEqual(2);
  });

  it('re-lists after a 410 Gone ERROR event, seeing a change it missed', async () => {
    open();
    await source?.firstLoad;
    await eventually(() => expect(apiServer.count('watch')).toBe(1));
    apiServer.holdEvents = true;
    apiServer.set('feature-flags', { 'enable-api-fields': 'beta' });
    apiServer.compact();
    apiServer.holdEvents = false;
    apiServer.expireOpenWatches();
    await eventually(() => expect(level()).toBe('beta'));
    expect(apiServer.count('list')).toBe(2);
  });

  it('re-lists after a watch refused with HTTP 410', async () => {
    apiServer.goneAs = 'status';
    open();
    await source?.firstLoad;
    await eventually(() => expect(apiServer.count('watch')).toBe(1));
    apiServer.holdEvents = true;
    apiServer.set('feature-flags', { 'enable-api-fields': 'alpha' });
    apiServer.compact();
    apiServer.holdEvents = false;
    apiServer.dropWatches();
    await eventually(() => expect(level()).toBe('alpha'));
    expect(apiServer.count('list')).toBe(2);
  });

  it('restarts the informer with backoff after errors stop it', async () => {
    apiServer.failNext('list', 2, 503);
    open();
    await eventually(() => expect(level()).toBe('stable'));
    expect(events.filter((event) => event.type === 'informer-restart')).toHaveLength(2);
    expect(events[0]).toEqual({ type: 'informer-error', message: expect.stringContaining('HTTP 503') });
    apiServer.failNext('watch', 1, 500);
    apiServer.dropWatches();
    apiServer.set('feature-flags', { 'enable-api-fields': 'beta' });
    await eventually(() => expect(level()).toBe('beta'));
    // The dropped watch may end cleanly (re-watch at once) or with a reset (a restart of its own).
    expect(events.filter((event) => event.type === 'informer-restart').length).toBeGreaterThanOrEqual(3);
    expect(events).toContainEqual({ type: 'informer-error', message: expect.stringContaining('HTTP 500') });
  });

  it('reports an API server it cannot reach as the reason there is no config', async () => {
    apiServer.failNext('list', 100, 500);
    open({ backoff: { initialMs: 10_000 } });
    await source?.firstLoad;
    expect(source?.state().config).toBeUndefined();
    expect(source?.state().errors[0].message).toMatch(/^cannot list ConfigMap widgets\/feature-flags: HTTP 500/);
  });

  it('says so when the ConfigMap does not exist', async () => {
    apiServer.remove('feature-flags');
    open();
    await source?.firstLoad;
    expect(source?.state().errors[0].message).toBe('ConfigMap widgets/feature-flags not found');
  });

  it('refresh() reads a change the watch has not delivered yet, one GET for many callers', async () => {
    open();
    await source?.firstLoad;
    apiServer.holdEvents = true;
    apiServer.set('feature-flags', { 'enable-api-fields': 'alpha' });
    const states = await Promise.all([source?.refresh(), source?.refresh(), source?.refresh()]);
    expect(states.map((state) => state?.config?.level)).toEqual(['alpha', 'alpha', 'alpha']);
    expect(apiServer.count('get')).toBe(1);
  });

  it('refresh() gives up after its timeout and keeps the state', async () => {
    open({ refreshTimeoutMs: 100 });
    await source?.firstLoad;
    apiServer.hangGets = true;
    const state = await source?.refresh();
    expect(state?.config?.level).toBe('stable');
    expect(events.at(-1)?.type).toBe('refresh-failed');
  });

  it('re-lists periodically, which covers a watch that hangs without failing', async () => {
    open({ relistIntervalMs: 100 });
    await source?.firstLoad;
    apiServer.holdEvents = true;
    apiServer.set('feature-flags', { 'enable-api-fields': 'beta' });
    await eventually(() => expect(level()).toBe('beta'));
    expect(apiServer.count('list')).toBeGreaterThanOrEqual(2);
  });

  it('makes no request after close', async () => {
    open({ relistIntervalMs: 50 });
    await source?.firstLoad;
    await source?.close();
    const before = apiServer.requests.length;
    apiServer.set('feature-flags', { 'enable-api-fields': 'alpha' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(apiServer.requests.length).toBe(before);
    expect(level()).toBe('stable');
  });
});
