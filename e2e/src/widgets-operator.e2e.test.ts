/**
 * The downstream proof: examples/widgets-operator copied outside the workspace, the public
 * packages installed from their packed tarballs (no workspace links, no Tekton), and every
 * command run through the installed binary against the example's own catalog, found through its
 * package.json's "featuregates" field.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from './process';
import { cleanEnv, installTarballs, packPublicPackages, type PublicPackage } from './support/packed';
import { killAll, startServe, type ServeProcess } from './support/webhook-process';

const example = join(workspaceRoot, 'examples', 'widgets-operator');
const project = mkdtempSync(join(tmpdir(), 'fg-widgets-'));
const binary = join(project, 'node_modules', '.bin', 'featuregates');

function fg(...args: string[]): { status: number | null; stdout: string; stderr: string; output: string } {
  const result = spawnSync(binary, args, { cwd: project, encoding: 'utf8', env: cleanEnv() });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}

const write = (path: string, text: string): void => writeFileSync(join(project, path), text);

const installed: PublicPackage[] = ['gates', 'sources', 'webhook', 'behaviors', 'testing', 'release', 'policy', 'cli'];

beforeAll(() => {
  cpSync(example, project, { recursive: true, filter: (source) => !/[/\\](node_modules|dist|tmp|out)$/.test(source) });
  installTarballs(project, packPublicPackages(), { packages: installed });
}, 180_000);

afterAll(() => {
  killAll();
  rmSync(project, { recursive: true, force: true });
});

describe('examples/widgets-operator, installed from the tarballs outside the workspace', () => {
  it('has real copies of the generic packages and no Tekton at all', () => {
    for (const name of ['gates', 'behaviors', 'testing', 'cli']) expect(lstatSync(join(project, 'node_modules', '@featuregates', name)).isSymbolicLink()).toBe(false);
    expect(existsSync(join(project, 'node_modules', '@featuregates', 'tekton'))).toBe(false);
    const lock = readFileSync(join(project, 'package-lock.json'), 'utf8');
    expect(lock).not.toContain('@featuregates/tekton');
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).featuregates).toEqual({ catalog: './src/catalog.ts' });
  });

  it('checks its manifests at each of its levels, with paths and exit codes', () => {
    const stable = fg('check', 'manifests', '--api-fields', 'stable');
    expect(stable.status).toBe(1);
    expect(stable.stdout).toContain('manifests/widget-fan-out.yaml: Widget/fanned: spec.parts[1].fanOut: ');
    expect(stable.stdout).toContain('manifests/widgetrun-turbo.yaml: WidgetRun/quick: spec.widgetSpec.turbo: ');
    expect(stable.stdout).not.toContain('widget-basic.yaml');
    expect(stable.output).toContain('checked 3 object(s) at "enable-api-fields: stable": 2 rejected');

    // turbo's own flag turns it on below its level, and keeps it off when set to false.
    const ownFlag = fg('check', 'manifests', '--api-fields', 'stable', '--set', 'enable-turbo=true');
    expect(ownFlag.status).toBe(1);
    expect(ownFlag.stdout).not.toContain('WidgetRun/quick: spec.widgetSpec.turbo');
    expect(ownFlag.output).toContain('1 rejected');

    const alpha = fg('check', 'manifests', '--api-fields', 'alpha');
    expect(alpha.status).toBe(0);
    expect(alpha.stdout).toContain('manifests/widget-fan-out.yaml: Widget/fanned: warning: spec.parts[1].fanOut: uses alpha feature "fan-out"');
    expect(alpha.stdout).toContain('manifests/widgetrun-turbo.yaml: WidgetRun/quick: warning: spec.widgetSpec.turbo: uses alpha feature "turbo"');
    expect(alpha.output).toContain('0 rejected');

    const turboOff = fg('check', 'manifests', '--api-fields', 'alpha', '--set', 'enable-turbo=false');
    expect(turboOff.status).toBe(1);
    expect(turboOff.stdout).toContain('manifests/widgetrun-turbo.yaml: WidgetRun/quick: spec.widgetSpec.turbo: ');
    expect(turboOff.stdout).toContain('enable-turbo');

    const beta = fg('check', 'manifests', '--api-fields', 'beta');
    expect(beta.status).not.toBe(0);
  });

  it('fails on a kind of its own group that the catalog lacks', () => {
    write('future-widget.yaml', 'apiVersion: widgets.example.dev/v2\nkind: Widget\nmetadata: {name: future}\nspec: {}\n');
    const result = fg('check', 'future-widget.yaml', '--api-fields', 'alpha');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('future-widget.yaml: Widget/future: error: widgets.example.dev/v2 Widget is not a kind of the catalog');
  });

  it('validates its ConfigMap: good, then a bad value named with what is allowed', () => {
    const good = fg('config', 'validate', 'config/widget-flags.yaml');
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('valid');
    write('bad-flags.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: widget-flags, namespace: widgets-system}\ndata:\n  paint-finish: chrome\n  enable-turbos: "true"\n');
    const bad = fg('config', 'validate', 'bad-flags.yaml');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/paint-finish.*chrome/);
    expect(bad.stdout).toMatch(/matte.*gloss.*metallic/);
    expect(bad.stdout).toContain('did you mean "enable-turbo"');
  });

  it("explains a feature and a flag, naming the project's own ConfigMap and namespace", () => {
    const feature = fg('explain', 'fan-out');
    expect(feature.status).toBe(0);
    expect(feature.stdout).toContain('widgets.example.dev/v1 Widget: spec.parts[].fanOut');
    expect(feature.stdout).toContain('widgets.example.dev/v1 WidgetRun: spec.widgetSpec.parts[].fanOut');
    const flag = fg('explain', 'paint-finish');
    expect(flag.status).toBe(0);
    expect(flag.stdout).toContain(`kubectl patch cm widget-flags -n widgets-system -p '{"data":{"paint-finish":"VALUE"}}'`);
    for (const text of [feature.stdout, flag.stdout]) expect(text).not.toMatch(/tekton|feature-flags /i);
  });

  it('lists test matrices and writes docs for its catalog', () => {
    const matrix = fg('matrix', '--strategy', 'each', '--output', 'json');
    expect(matrix.status).toBe(0);
    const configurations = (JSON.parse(matrix.stdout) as { configurations: { flags: Record<string, string> }[] }).configurations;
    expect(configurations.map((configuration) => configuration.flags['enable-api-fields'])).toEqual(expect.arrayContaining(['stable', 'alpha']));
    expect(configurations.some((configuration) => configuration.flags['paint-finish'] === 'metallic')).toBe(true);
    expect(configurations.some((configuration) => configuration.flags['enable-api-fields'] === 'beta')).toBe(false);

    const docs = fg('docs', '--output', 'FEATURES.md');
    expect(docs.status).toBe(0);
    const text = readFileSync(join(project, 'FEATURES.md'), 'utf8');
    for (const name of ['fan-out', 'turbo', 'enable-turbo', 'cache-parts', 'paint-finish']) expect(text).toContain(name);
  });

  describe('serve, and review over HTTPS', () => {
    let server: ServeProcess;

    beforeAll(async () => {
      write('review-flags.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: widget-flags, namespace: widgets-system}\ndata:\n  enable-api-fields: stable\n  enable-turbo: "true"\n');
      server = await startServe(['--config', 'review-flags.yaml', '--dev-cert', 'tmp/dev-cert'], { command: [binary, 'serve'], cwd: project });
    }, 30_000);

    afterAll(() => server?.stop());

    it('denies an alpha field that is off, with its path', () => {
      const denied = fg('review', 'manifests/widget-fan-out.yaml', '--server', server.url, '--ca', 'tmp/dev-cert/ca.pem');
      expect(denied.status).toBe(1);
      expect(denied.stdout).toContain('manifests/widget-fan-out.yaml: Widget/fanned: denied: ');
      expect(denied.stdout).toContain('spec.parts[1].fanOut');
    });

    it('admits an alpha feature its own flag turns on, with a warning', () => {
      const warned = fg('review', 'manifests/widgetrun-turbo.yaml', '--server', server.url, '--ca', 'tmp/dev-cert/ca.pem');
      expect(warned.status).toBe(0);
      expect(warned.stdout).toContain('manifests/widgetrun-turbo.yaml: WidgetRun/quick: allowed');
      expect(warned.stdout).toMatch(/WidgetRun\/quick: warning: spec\.widgetSpec\.turbo: .*alpha/);
    });
  });

  it('builds its stable bundle: release.yaml names its group, kinds and ConfigMap', () => {
    const built = fg('bundle', '--variant', 'stable', '--output', 'out');
    expect(built.status).toBe(0);
    for (const file of ['webhook.js', 'featuregates.js', 'release.yaml', 'FEATURES.md', 'Dockerfile']) expect(existsSync(join(project, 'out', file))).toBe(true);
    const release = readFileSync(join(project, 'out', 'release.yaml'), 'utf8');
    expect(release).toContain('widgets.example.dev');
    expect(release).toMatch(/resources:\s*\n?\s*-?\s*\[?\s*-?\s*widgets\b/);
    expect(release).toContain('widgetruns');
    expect(release).toContain('name: widget-flags');
    expect(release).toContain('namespace: widgets-system');
    expect(release).not.toMatch(/tekton/i);
    // The stable bundle refuses what only an alpha bundle offers.
    const bundled = spawnSync(process.execPath, [join(project, 'out', 'featuregates.js'), 'check', 'manifests/widget-fan-out.yaml', '--api-fields', 'alpha'], { cwd: project, encoding: 'utf8' });
    expect(bundled.status).not.toBe(0);
    expect(fg('bundle', '--variant', 'beta', '--output', 'out-beta').status).toBe(2);
  }, 120_000);

  it('compiles as a strict TypeScript consumer of gates, behaviors and testing, and runs', () => {
    const tsc = spawnSync(process.execPath, [join(workspaceRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
    const config = JSON.parse(readFileSync(join(project, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    expect(config.compilerOptions).toMatchObject({ strict: true, skipLibCheck: false });
    const plan = spawnSync(process.execPath, ['dist/main.js', JSON.stringify({ 'enable-api-fields': 'alpha', 'enable-turbo': 'true', 'paint-finish': 'gloss', 'cache-parts': 'false' })], { cwd: project, encoding: 'utf8' });
    expect(plan.status).toBe(0);
    expect(JSON.parse(plan.stdout)).toEqual({ finish: 'gloss', reuseCachedParts: false, turbo: true });
  }, 180_000);
});
