import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Reads what `nx run bundles:bundle` built (the test target depends on it).
const bundles = join(__dirname, '..', '..', '..', 'dist', 'bundles');
const OPT_IN_MODULE = 'packages/gates/src/opt-in.ts';
const FILES = ['webhook.js', 'featuregates.js', 'release.yaml', 'policy.yaml', 'FEATURES.md', 'meta.json', 'Dockerfile'];
const VARIANTS = ['stable', 'beta', 'alpha'];

type Metafile = { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
const meta = (variant: string): Metafile => JSON.parse(readFileSync(join(bundles, variant, 'meta.json'), 'utf8'));
const inputsOf = (variant: string, file: string) => meta(variant).outputs[`dist/bundles/${variant}/${file}`].inputs;

describe('the variant bundles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fg-bundles-'));
  cpSync(bundles, join(dir, 'b'), { recursive: true });
  writeFileSync(
    join(dir, 'alpha.json'),
    JSON.stringify({ apiVersion: 'tekton.dev/v1', kind: 'TaskRun', metadata: { name: 'd' }, spec: { debug: {}, taskSpec: { steps: [{ name: 's', image: 'busybox' }] } } }),
  );
  // Runs a bundle with node alone, from a directory that has no node_modules anywhere above it.
  const run = (variant: string, args: string[]) => spawnSync(process.execPath, [join('b', variant, 'featuregates.js'), ...args], { cwd: dir, encoding: 'utf8' });

  it.each(VARIANTS)('%s holds every file an installer needs', (variant) => {
    for (const file of FILES) expect(existsSync(join(bundles, variant, file))).toBe(true);
  });

  it.each(VARIANTS)('%s builds its image on the active Node LTS, pinned by tag', (variant) => {
    const lines = readFileSync(join(bundles, variant, 'Dockerfile'), 'utf8').split('\n');
    expect(lines.filter((line) => line.startsWith('FROM '))).toEqual(['FROM node:26-alpine']);
    expect(lines).toContain('USER 65532:65532');
  });

  it('leaves the code only beta and alpha features need out of the stable bundle', () => {
    for (const file of ['webhook.js', 'featuregates.js']) {
      expect(inputsOf('stable', file)[OPT_IN_MODULE]).toBeUndefined();
      expect(inputsOf('beta', file)[OPT_IN_MODULE].bytesInOutput).toBeGreaterThan(0);
      expect(inputsOf('alpha', file)[OPT_IN_MODULE].bytesInOutput).toBeGreaterThan(0);
    }
    const stable = readFileSync(join(bundles, 'stable', 'webhook.js'), 'utf8');
    const alpha = readFileSync(join(bundles, 'alpha', 'webhook.js'), 'utf8');
    // Message templates survive minification: the use warning and the legacy-implication warning.
    for (const marker of [': uses ${', ' is set to false, but ']) {
      expect(stable).not.toContain(marker);
      expect(alpha).toContain(marker);
    }
  });

  it('has the ceiling compiled in: the stable CLI refuses an alpha config and names the bundle that has the feature', () => {
    const refused = run('stable', ['check', 'alpha.json', '--api-fields', 'alpha']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('this is the stable bundle, which allows at most "stable": install the "alpha" bundle');
    const rejected = run('stable', ['check', 'alpha.json']);
    expect(rejected.status).toBe(1);
    expect(rejected.stdout).toContain('spec.debug: debug requires "enable-api-fields" feature gate to be "alpha" but it is "stable"; the stable bundle cannot turn on alpha features: install the "alpha" bundle');
  });

  it('admits the alpha field in the alpha bundle, and keeps beta at beta', () => {
    expect(run('alpha', ['check', 'alpha.json', '--api-fields', 'alpha']).status).toBe(0);
    const beta = run('beta', ['check', 'alpha.json', '--api-fields', 'alpha']);
    expect(beta.status).toBe(1);
    expect(beta.stderr).toContain('this is the beta bundle');
  });

  it('keeps every feature\'s metadata in every bundle', () => {
    const explained = run('stable', ['explain', 'pipelines-in-pipelines']);
    expect(explained.status).toBe(0);
    expect(explained.stdout).toContain('this stable bundle cannot turn it on: install the alpha bundle');
  });
});
