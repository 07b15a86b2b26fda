import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from './process';
import { bundleNode } from './support/node-under-test';
import { MATRIX_PIPELINE, PLAIN_TASK } from './support/objects';
import { decision, killAll, review, startServe, type ServeProcess } from './support/webhook-process';

// The variant bundles as real processes: `node webhook.js` from a directory without node_modules.
const dir = mkdtempSync(join(tmpdir(), 'fg-bundles-e2e-'));
cpSync(join(workspaceRoot, 'dist', 'bundles'), join(dir, 'b'), { recursive: true });
writeFileSync(join(dir, 'alpha.yaml'), 'enable-api-fields: "alpha"\n');
writeFileSync(join(dir, 'stable.yaml'), 'enable-api-fields: "stable"\n');

const DEBUG_TASKRUN = { apiVersion: 'tekton.dev/v1', kind: 'TaskRun', metadata: { name: 'd' }, spec: { debug: {}, taskSpec: { steps: [{ name: 's', image: 'busybox' }] } } };

const serveBundle = (variant: string, config: string) =>
  startServe(['--config', config, '--dev-cert', `certs-${variant}-${config}`], { command: [bundleNode, join('b', variant, 'webhook.js')], cwd: dir });

afterAll(killAll);

describe('the stable and alpha bundles under enable-api-fields: alpha', () => {
  let stable: ServeProcess;
  let alpha: ServeProcess;
  beforeAll(async () => {
    [stable, alpha] = await Promise.all([serveBundle('stable', 'alpha.yaml'), serveBundle('alpha', 'alpha.yaml')]);
  });

  it('the stable bundle refuses the config itself and reports it on /readyz and /features', async () => {
    const ready = await stable.get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.text).toContain('this is the stable bundle');
    expect((await stable.get('/features')).text).toContain('install the \\"alpha\\" bundle');
    expect((await alpha.get('/readyz')).status).toBe(200);
  });

  it('answers `featuregates review`, the installer\'s smoke test, over HTTPS with the dev CA', () => {
    writeFileSync(join(dir, 'objects.json'), JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [PLAIN_TASK, DEBUG_TASKRUN] }));
    const smoke = (variant: string, server: ServeProcess) =>
      spawnSync(bundleNode, [join('b', variant, 'featuregates.js'), 'review', 'objects.json', '--server', server.url, '--ca', `certs-${variant}-alpha.yaml/ca.pem`], { cwd: dir, encoding: 'utf8' });
    const fromAlpha = smoke('alpha', alpha);
    expect(fromAlpha.status).toBe(0);
    expect(fromAlpha.stdout).toContain('objects.json: Task/plain: allowed');
    expect(fromAlpha.stdout).toContain('objects.json: TaskRun/d: warning: spec.debug: uses alpha feature "debug"');
    const untrusted = spawnSync(bundleNode, [join('b', 'alpha', 'featuregates.js'), 'review', 'objects.json', '--server', alpha.url], { cwd: dir, encoding: 'utf8' });
    expect(untrusted.status).toBe(1);
    expect(untrusted.stdout).toMatch(/error: .*(self-signed|certificate)/);
  });

  it('the stable bundle rejects an alpha field that the alpha bundle admits', async () => {
    const refused = await stable.post('/validate', review(DEBUG_TASKRUN));
    expect(refused.status).toBeLessThan(500);
    if (refused.status === 200) expect(decision(refused).allowed).toBe(false);
    const admitted = decision(await alpha.post('/validate', review(DEBUG_TASKRUN)));
    expect(admitted.allowed).toBe(true);
    expect(admitted.warnings).toContain('spec.debug: uses alpha feature "debug"');
  });
});

describe('the stable and alpha bundles under a config both accept', () => {
  let stable: ServeProcess;
  let alpha: ServeProcess;
  beforeAll(async () => {
    [stable, alpha] = await Promise.all([serveBundle('stable', 'stable.yaml'), serveBundle('alpha', 'stable.yaml')]);
  });

  it.each([
    ['a stable Task', PLAIN_TASK, true],
    ['a beta matrix Pipeline', MATRIX_PIPELINE, false],
  ])('give the same answer to %s', async (_name, object, allowed) => {
    const [fromStable, fromAlpha] = await Promise.all([stable.post('/validate', review(object)), alpha.post('/validate', review(object))]);
    const [a, b] = [decision(fromStable), decision(fromAlpha)];
    expect(a.allowed).toBe(allowed);
    expect(b.allowed).toBe(allowed);
    // The same violation in Tekton's words; the stable bundle adds which bundle can turn it on.
    expect(String(a.status?.message ?? '')).toContain(String(b.status?.message ?? ''));
  });

  it('name the bundle that offers a feature the stable one cannot turn on', async () => {
    const answer = decision(await stable.post('/validate', review(DEBUG_TASKRUN)));
    expect(answer.allowed).toBe(false);
    expect(answer.status?.message).toContain('the stable bundle cannot turn on alpha features: install the "alpha" bundle');
  });
});
