// `featuregates serve` and built bundles as real processes over a catalog with lifecycle entries
// (the gate model's lifecycle fixture): a removed feature refused, a deprecation in the admission
// warnings, and an announced default change logged once per config change, never per request.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { featuregates, workspaceRoot } from './process';
import { decision, eventually, killAll, review, startServe, type ServeProcess } from './support/webhook-process';

const CATALOG = join(workspaceRoot, 'packages', 'cli', 'src', 'test-support', 'lifecycle-catalog.ts');
const widget = (spec: unknown) => ({ apiVersion: 'example.dev/v1', kind: 'Widget', metadata: { name: 'w' }, spec });
const UNSET_MODE = '"mode" is unset, so it takes the default "a"; the default becomes "b" (not before 2027-03-01): b is faster.';

describe('featuregates serve and lifecycle entries', () => {
  let server: ServeProcess | undefined;

  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  afterAll(() => killAll());

  it('refuses a removed feature, warns of a deprecated one, and logs a default change once per config change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-e2e-lifecycle-'));
    const flags = join(dir, 'flags.yaml');
    writeFileSync(flags, 'enable-api-fields: alpha\n');
    server = await startServe(['--config', flags, '--dev-cert', join(dir, 'certs'), '--catalog', CATALOG]);

    const removed = decision(await server.post('/validate', review(widget({ warp: { to: 'east' } }))));
    expect(removed.allowed).toBe(false);
    expect(removed.status?.message).toContain('spec.warp: warp was removed in v3: it never worked across clusters');
    const deprecated = decision(await server.post('/validate', review(widget({ parts: [{ fanOut: { params: [{ name: 'x' }] } }] }))));
    expect(deprecated.warnings).toContain('spec.parts[0].fanOut: "fan-out" is deprecated: use spread instead; removal not before 2027-09-01');
    for (let i = 0; i < 3; i++) decision(await server.post('/validate', review(widget({ turbo: true }))));

    const warned = () => server!.logs.flatMap((line) => (line.warnings as { message: string }[] | undefined) ?? []).filter((warning) => warning.message.includes(UNSET_MODE));
    expect(warned()).toHaveLength(1);
    writeFileSync(flags, 'enable-api-fields: alpha\nmode: a\n');
    await eventually(() => expect(server!.logs.filter((line) => line.msg === 'config loaded')).toHaveLength(2));
    decision(await server.post('/validate', review(widget({ turbo: true }))));
    expect(warned()).toHaveLength(1);
  });

  it.each(['stable', 'alpha'])('the %s bundle built from the catalog refuses a removed feature at every level it takes, and warns of a deprecated one', (variant) => {
    const dir = mkdtempSync(join(tmpdir(), `fg-e2e-lifecycle-${variant}-`));
    writeFileSync(join(dir, 'w.yaml'), 'apiVersion: example.dev/v1\nkind: Widget\nmetadata: {name: w}\nspec: {warp: 1, inline: {}}\n');
    expect(featuregates(['bundle', '--variant', variant, '--catalog', CATALOG, '--output', 'out'], dir).status).toBe(0);
    for (const level of variant === 'stable' ? ['stable'] : ['stable', 'beta', 'alpha']) {
      const checked = spawnSync(process.execPath, [join(dir, 'out', 'featuregates.js'), 'check', 'w.yaml', '--api-fields', level, '--set', 'enable-warp=true'], { cwd: dir, encoding: 'utf8' });
      expect(checked.status).toBe(1);
      expect(checked.stdout).toContain('w.yaml: Widget/w: spec.warp: warp was removed in v3: it never worked across clusters');
      expect(checked.stdout).toContain('w.yaml: Widget/w: warning: spec.inline: "inline" is deprecated: inline widgets go away');
    }
  });
});
