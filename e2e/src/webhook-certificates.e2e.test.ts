import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
// The Kubernetes API stand-in the sources package tests with: a local HTTP server, not a cluster.
import { ConfigMapApiServerStandIn } from '../../packages/sources/src/test-support/configmap-apiserver-stand-in';
import { ADMIN_TOKEN, type StandInRule } from '../../packages/sources/src/test-support/kubernetes-objects-stand-in';
import { workspaceRoot } from './process';
import { bundleNode } from './support/node-under-test';
import { PLAIN_TASK } from './support/objects';
import { eventually, killAll, review, startServe, type ServeProcess } from './support/webhook-process';

// Two replicas of the stable bundle's webhook, as release.yaml runs them, against an API stand-in
// that starts empty but for release.yaml's ValidatingWebhookConfiguration and RBAC rules.
const NAMESPACE = 'featuregates';
const SERVICE_NAME = `featuregates-webhook.${NAMESPACE}.svc`;
const RESYNC_MS = 500;
// Short lives, so the CA (30 s) rotates within the suite: a next CA 10 s after the first, signing 5 s
// later. Renewals leave 10 s of margin, twenty resync periods: room for a machine busy with other suites.
const FLAGS = ['--kubernetes', '--namespace', NAMESPACE, '--cert-validity', '20s', '--cert-renew-before', '10s', '--ca-validity', '30s', '--cert-resync', `${RESYNC_MS}ms`];

type K8sObject = { kind: string; metadata: { name: string }; rules?: { resources: string[]; verbs: string[]; resourceNames?: string[] }[] };
const release: K8sObject[] = [];
loadAll(readFileSync(join(workspaceRoot, 'dist', 'bundles', 'stable', 'release.yaml'), 'utf8'), (object) => release.push(object as K8sObject), { schema: CORE_SCHEMA });

/** release.yaml's Role and ClusterRole rules, as the stand-in enforces them. */
/** The ValidatingWebhookConfiguration release.yaml installs, whose caBundle the replicas keep. */
const WEBHOOK_CONFIGURATION = (release.find((object) => object.kind === 'ValidatingWebhookConfiguration') as K8sObject).metadata.name;

const releaseRbac = (): StandInRule[] =>
  release
    .filter((object) => object.kind === 'Role' || object.kind === 'ClusterRole')
    .flatMap((object) => object.rules ?? [])
    .flatMap((rule) => rule.resources.filter((resource) => resource !== 'configmaps').map((resource) => ({ resource, verbs: rule.verbs, names: rule.resourceNames }) as StandInRule));

const dir = mkdtempSync(join(tmpdir(), 'fg-certificates-e2e-'));
cpSync(join(workspaceRoot, 'dist', 'bundles', 'stable'), join(dir, 'stable'), { recursive: true });

interface Outcome {
  ok: boolean;
  fingerprint?: string;
  error?: string;
}

/** An admission request as the API server makes it: a new TLS connection to the Service's name, trusting only `ca`. */
function admit(port: number, ca: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/validate', method: 'POST', servername: SERVICE_NAME, ca, agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      const fingerprint = (res.socket as import('node:tls').TLSSocket).getPeerCertificate().fingerprint256;
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        const allowed = res.statusCode === 200 && (JSON.parse(body) as { response: { allowed: boolean } }).response.allowed;
        resolve(allowed ? { ok: true, fingerprint } : { ok: false, error: `HTTP ${res.statusCode}: ${body.slice(0, 200)}` });
      });
    });
    req.on('error', (error) => resolve({ ok: false, error: error.message }));
    req.end(JSON.stringify(review(PLAIN_TASK)));
  });
}

describe('self-managed certificates: two webhook replicas on an empty cluster', () => {
  let apiServer: ConfigMapApiServerStandIn;
  let replicas: ServeProcess[];

  const configuration = () => apiServer.objectStore.get('validatingwebhookconfigurations', WEBHOOK_CONFIGURATION) as unknown as { webhooks: { clientConfig: { caBundle: string } }[] };
  const caBundles = () => configuration().webhooks.map((webhook) => Buffer.from(webhook.clientConfig.caBundle ?? '', 'base64').toString('utf8'));
  const secretValue = (key: string) => {
    const secret = apiServer.objectStore.get('secrets', 'featuregates-webhook-tls') as unknown as { data: Record<string, string> } | undefined;
    return secret && Buffer.from(secret.data[key], 'base64').toString('utf8');
  };

  /**
   * Steady load on both replicas until `done()` holds, each request trusting the caBundle as
   * last read (the API server re-reads it as it changes; here every 100 ms).
   */
  async function underLoad(done: () => boolean, timeoutMs: number): Promise<{ outcomes: Outcome[]; fingerprints: Set<string> }> {
    let ca = caBundles()[0];
    const refresh = setInterval(() => {
      const current = caBundles()[0];
      if (current) ca = current;
    }, 100);
    const outcomes: Outcome[] = [];
    const deadline = Date.now() + timeoutMs;
    const worker = async (replica: ServeProcess) => {
      while (!done() && Date.now() < deadline) {
        outcomes.push(await admit(replica.port, ca));
        // Steady, not saturating: the API stand-in shares this process.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    try {
      await Promise.all([...replicas, ...replicas].map(worker));
    } finally {
      clearInterval(refresh);
    }
    return { outcomes, fingerprints: new Set(outcomes.map((outcome) => outcome.fingerprint ?? '')) };
  }

  beforeAll(async () => {
    apiServer = await new ConfigMapApiServerStandIn(NAMESPACE).start();
    apiServer.set('feature-flags', { 'enable-api-fields': 'stable' });
    apiServer.objectStore.put('validatingwebhookconfigurations', release.find((object) => object.kind === 'ValidatingWebhookConfiguration') as never);
    apiServer.objectStore.rbac = releaseRbac();
    const kubeconfig = join(dir, 'kubeconfig.json');
    writeFileSync(
      kubeconfig,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'stand-in', cluster: { server: apiServer.url, 'insecure-skip-tls-verify': true } }],
        users: [{ name: 'webhook', user: { token: 'not-checked' } }],
        contexts: [{ name: 'stand-in', context: { cluster: 'stand-in', user: 'webhook', namespace: NAMESPACE } }],
        'current-context': 'stand-in',
      }),
    );
    const start = () => startServe(FLAGS, { command: [bundleNode, join('stable', 'webhook.js')], cwd: dir, ca: '', env: { KUBECONFIG: kubeconfig } });
    replicas = await Promise.all([start(), start()]);
  });

  afterAll(async () => {
    killAll();
    await apiServer?.close();
  });

  it('ends with one Secret, caBundle set in both entries, both replicas ready and serving it', async () => {
    await eventually(async () => {
      const ca = caBundles()[0];
      expect(caBundles()[1]).toBe(ca);
      const served = await Promise.all(replicas.map((replica) => admit(replica.port, ca)));
      expect(served.map((outcome) => outcome.ok)).toEqual([true, true]);
      expect(served[0].fingerprint).toBe(served[1].fingerprint);
    });
    expect(apiServer.objectStore.requests.filter((request) => request.verb === 'create' && request.status === 201)).toHaveLength(1);
    expect(apiServer.objectStore.requests.filter((request) => request.status === 403)).toEqual([]);
    expect(caBundles()).toHaveLength(2);
    // Only caBundle changed: every other field of both entries is as release.yaml shipped it.
    const shipped = release.find((object) => object.kind === 'ValidatingWebhookConfiguration') as unknown as { webhooks: { clientConfig: object }[] };
    const kept = configuration() as unknown as { webhooks: { clientConfig: object }[] };
    expect(kept.webhooks.map((webhook) => ({ ...webhook, clientConfig: { ...webhook.clientConfig, caBundle: '' } }))).toEqual(shipped.webhooks);
    for (const replica of replicas) {
      const ready = await new Promise<number>((resolve, reject) => {
        request({ host: '127.0.0.1', port: replica.port, path: '/readyz', servername: SERVICE_NAME, ca: caBundles()[0], agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(ready).toBe(200);
    }
  });

  it('answers `featuregates review` through localhost (as through kubectl port-forward) with the CA from caBundle', () => {
    writeFileSync(join(dir, 'ca.pem'), caBundles()[0]);
    writeFileSync(join(dir, 'task.json'), JSON.stringify(PLAIN_TASK));
    const smoke = spawnSync(bundleNode, [join('stable', 'featuregates.js'), 'review', 'task.json', '--server', `https://localhost:${replicas[0].port}`, '--ca', 'ca.pem'], { cwd: dir, encoding: 'utf8' });
    expect(smoke.stdout).toContain('task.json: Task/plain: allowed');
    expect(smoke.status).toBe(0);
  });

  it('rotates serving certificates and the CA under steady load with no failed request', async () => {
    const firstCa = secretValue('ca.crt');
    let rotatedAt = 0;
    const { outcomes, fingerprints } = await underLoad(() => {
      if (!rotatedAt && secretValue('ca.crt') !== firstCa) rotatedAt = Date.now();
      // Load goes on a while after the new CA signs, so both replicas are seen serving its certificates.
      return rotatedAt > 0 && Date.now() - rotatedAt > 2 * RESYNC_MS + 500;
    }, 40_000);
    expect(rotatedAt).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
    expect(fingerprints.size).toBeGreaterThanOrEqual(3);
    expect(outcomes.length).toBeGreaterThan(50);
  });

  it('restores a caBundle someone blanked within the resync period', async () => {
    const before = caBundles();
    const blank = await fetch(`${apiServer.url}/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/${WEBHOOK_CONFIGURATION}`, {
      method: 'PATCH',
      // An administrator's token: the stand-in holds it to no RBAC rule.
      headers: { 'content-type': 'application/json-patch+json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify([{ op: 'replace', path: '/webhooks/1/clientConfig/caBundle', value: '' }]),
    });
    expect(blank.status).toBe(200);
    expect(caBundles()[1]).toBe('');
    await eventually(() => expect(caBundles()[1]).toBe(caBundles()[0]), 3 * RESYNC_MS);
    expect(caBundles()[0]).toBeTruthy();
    expect(before[0]).toBeTruthy();
  });

  it('recreates a deleted Secret, and clients move to its new CA with no failed request', async () => {
    const oldCa = secretValue('ca.crt');
    apiServer.objectStore.remove('secrets', 'featuregates-webhook-tls');
    let switchedAt = 0;
    const { outcomes } = await underLoad(() => {
      const ca = secretValue('ca.crt');
      if (!switchedAt && ca !== undefined && ca !== oldCa) switchedAt = Date.now();
      return switchedAt > 0 && Date.now() - switchedAt > 2 * RESYNC_MS + 500;
    }, 20_000);
    expect(switchedAt).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
    expect(apiServer.objectStore.get('secrets', 'featuregates-webhook-tls')).toBeDefined();
    // The new CA is the one every caBundle now leads with.
    expect(caBundles()[0].startsWith((secretValue('ca.crt') as string).trim())).toBe(true);
  });
});
