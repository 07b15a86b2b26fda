import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { featuregatesBin } from './process';
import { featureFlagsConfigMap, MATRIX_PIPELINE } from './support/objects';
import { decision, eventually, killAll, review, send, startServe, type Reply, type ServeProcess } from './support/webhook-process';

/** The pod's memory limit in release.yaml. */
const POD_MEMORY_LIMIT = 256 * 1024 * 1024;
/**
 * Generous on a shared machine (a load of 27 on 2 cores while this was written): the stalls this
 * guards against lasted seconds to minutes. Probes reuse a connection, as a stall shows there
 * alone; normal reviews open a new one each (a TLS handshake on a loaded machine costs hundreds
 * of milliseconds by itself), so their bound is wider.
 */
const PROBE_BOUND_MS = 1000;
const REVIEW_BOUND_MS = 2500;
const TRICKLE_EVERY_MS = 100;

const name = (length: number) => 'a'.repeat(length);
const taskRun = (refName: string) => ({ apiVersion: 'tekton.dev/v1', kind: 'TaskRun', metadata: { name: 'tr' }, spec: { taskRef: { name: refName } } });
const nestedPipeline = (levels: number) => {
  let spec: unknown = { tasks: [{ name: 'leaf', taskRef: { name: 't' } }] };
  for (let i = 0; i < levels; i++) spec = { tasks: [{ name: `l${i}`, pipelineSpec: spec }] };
  return { apiVersion: 'tekton.dev/v1', kind: 'Pipeline', metadata: { name: 'deep' }, spec };
};
/** The hostile bodies, serialised before the trickle starts so that building them does not hold up this process's probes. */
const HOSTILE = (() => {
  const tasks = Array.from({ length: 20 }, (_, i) => ({ name: `t${i}`, taskRef: { name: name(140_000) } }));
  const junk: Record<string, string> = {};
  for (let i = 0; i < 10_000; i++) junk[`${i}-${'k'.repeat(94)}`.slice(0, 100)] = 'v';
  return {
    longName: JSON.stringify(review(taskRun(name(150_000)))),
    longConciseName: JSON.stringify(review(taskRun(`git:${'/'.repeat(10)}${name(150_000)}`))),
    twentyNames: JSON.stringify(review({ apiVersion: 'tekton.dev/v1', kind: 'Pipeline', metadata: { name: 'p' }, spec: { tasks } })),
    configs: [junk, { [name(1_000_000)]: 'alpha' }, { 'enable-api-fields': 'b'.repeat(2_000_000) }].map((data) => JSON.stringify(review(featureFlagsConfigMap(data)))),
    reload: `${'k'.repeat(2_000_000)}: "v"\nbanner-${'x'.repeat(300)}: "${'y'.repeat(1_000_000)}"\nenable-api-fields: beta\n`,
  };
})();

const rssOf = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/**
 * The worst case of each class of hostile input the webhook met (issue 11), sent to a real
 * `featuregates serve` while normal reviews and /healthz probes keep coming on fresh connections:
 * none of them may wait long or fail, and the process stays under the pod's memory limit.
 */
describe('featuregates serve under hostile input', () => {
  let server: ServeProcess;
  let dir: string;
  const latencies = { probe: [] as number[], review: [] as number[] };
  let probeAgent: Agent | undefined;
  const failures: string[] = [];
  let maxRss = 0;
  let trickle: NodeJS.Timeout | undefined;
  const inFlight = new Set<Promise<void>>();

  const timed = (what: 'probe' | 'review', request: () => Promise<Reply>, check: (reply: Reply) => boolean) => {
    const start = performance.now();
    const done = request().then(
      (reply) => {
        latencies[what].push(performance.now() - start);
        if (!check(reply)) failures.push(`${what}: HTTP ${reply.status} ${reply.text.slice(0, 200)}`);
      },
      (error: Error) => {
        failures.push(`${what}: ${error.message}`);
      },
    );
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fg-e2e-hostile-'));
    writeFileSync(join(dir, 'flags.yaml'), 'enable-api-fields: beta\n');
    server = await startServe(['--config', join(dir, 'flags.yaml'), '--dev-cert', join(dir, 'certs')]);
    const pid = server.child.pid as number;
    probeAgent = new Agent({ keepAlive: true, maxSockets: 1, ca: server.ca });
    trickle = setInterval(() => {
      timed('probe', () => send(`${server.url}/healthz`, { ca: server.ca, agent: probeAgent }), (reply) => reply.status === 200);
      // A fresh connection (no agent) for each, so new TLS handshakes are made throughout.
      timed('review', () => send(`${server.url}/validate`, { ca: server.ca, body: review(MATRIX_PIPELINE) }), (reply) => reply.status === 200 && (reply.json as { response: { allowed: boolean } }).response.allowed);
      maxRss = Math.max(maxRss, rssOf(pid));
    }, TRICKLE_EVERY_MS);
  });

  afterAll(async () => {
    if (trickle) clearInterval(trickle);
    probeAgent?.destroy();
    await server?.stop();
    killAll();
  });

  it('1. regex: a 150,000-character resolver name, and a 3 MiB body with twenty 140,000-character names, are decided at once', async () => {
    const one = decision(await server.post('/validate', HOSTILE.longName));
    expect(one.allowed).toBe(true); // a plain name, not concise resolver syntax: nothing gated
    const concise = decision(await server.post('/validate', HOSTILE.longConciseName));
    expect(concise.allowed).toBe(false);
    expect(HOSTILE.twentyNames.length).toBeLessThan(3 * 1024 * 1024);
    expect(decision(await server.post('/validate', HOSTILE.twentyNames)).allowed).toBe(true);
  });

  it('2. did-you-mean: 10,000 unknown 100-character keys, a 1,000,000-character key and a 2 MB value are refused with short messages', async () => {
    for (const body of HOSTILE.configs) {
      const reply = await server.post('/validate/config', body);
      expect(decision(reply).allowed).toBe(false);
      expect(reply.text.length).toBeLessThan(16_000);
    }
  });

  it('2. a config reload with a 2,000,000-character key is refused through the same bounded parse, and /readyz and /features stay small', async () => {
    writeFileSync(join(dir, 'flags.yaml'), HOSTILE.reload);
    await eventually(async () => expect(((await server.get('/readyz')).json as { config: { errors: string[] } }).config.errors).toHaveLength(2), 10_000);
    const [readyz, features] = await Promise.all([server.get('/readyz'), server.get('/features')]);
    expect(readyz.status).toBe(200);
    expect(readyz.text.length).toBeLessThan(4_000);
    expect(features.text.length).toBeLessThan(32_000);
    writeFileSync(join(dir, 'flags.yaml'), 'enable-api-fields: beta\n');
    await eventually(async () => expect(((await server.get('/readyz')).json as { config: { errors: string[] } }).config.errors).toEqual([]), 10_000);
  });

  it('3. an empty certificate key written over the served one is reported and never loaded', async () => {
    const keyPath = join(dir, 'certs', 'tls.key');
    const key = readFileSync(keyPath, 'utf8');
    writeFileSync(keyPath, '');
    await eventually(() => expect(server.logs.some((entry) => entry.msg === 'certificate files not loaded; keeping the current certificate' && /tls\.key is empty/.test(String(entry.error)))).toBe(true), 10_000);
    // New handshakes (the trickle makes one every probe) keep working on the current certificate.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(((await server.get('/readyz')).json as { certificate: { loaded: boolean; error?: string } }).certificate).toMatchObject({ loaded: true, error: expect.stringMatching(/tls\.key is empty/) });
    writeFileSync(keyPath, key);
  });

  it('6. nesting: 43 levels of embedded pipelines are denied by the webhook and by check alike', async () => {
    const object = nestedPipeline(43);
    const denied = decision(await server.post('/validate', review(object)));
    expect(denied.allowed).toBe(false);
    expect(denied.status?.message).toMatch(/nests deeper than 128 levels/);
    writeFileSync(join(dir, 'deep.json'), JSON.stringify(object));
    // Asynchronously: a synchronous child would stop this process's trickle while it runs.
    const check = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(featuregatesBin, ['check', join(dir, 'deep.json'), '--api-fields', 'alpha'], (error, stdout) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout }));
    });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(denied.status?.message.split('\n')[0]);
  });

  it('kept every probe and normal review quick and answered, and stayed under the pod memory limit', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    clearInterval(trickle);
    trickle = undefined;
    await Promise.all([...inFlight]);
    expect(failures).toEqual([]);
    // The trickle ran throughout (every 100 ms, fewer when this machine is starved).
    expect(latencies.probe.length).toBeGreaterThanOrEqual(10);
    const slowest = (values: number[]) => Math.max(...values);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(
      `hostile e2e: ${latencies.probe.length} /healthz probes (slowest ${slowest(latencies.probe).toFixed(0)} ms, median ${median(latencies.probe).toFixed(0)} ms), ` +
        `${latencies.review.length} reviews on new connections (slowest ${slowest(latencies.review).toFixed(0)} ms, median ${median(latencies.review).toFixed(0)} ms), peak RSS ${(maxRss / 1024 / 1024).toFixed(0)} MiB`,
    );
    expect(slowest(latencies.probe)).toBeLessThan(PROBE_BOUND_MS);
    expect(slowest(latencies.review)).toBeLessThan(REVIEW_BOUND_MS);
    expect(maxRss).toBeGreaterThan(0);
    expect(maxRss).toBeLessThan(POD_MEMORY_LIMIT);
  });
});
