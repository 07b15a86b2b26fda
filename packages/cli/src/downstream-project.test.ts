// A downstream project as its maintainers use the installed command: the widgets catalog named in
// package.json's "featuregates" field (or passed with --catalog), no Tekton anywhere.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { configOrigin } from './commands/serve';
import { cliIn, tempDir, WIDGETS_CATALOG, widgetsProject } from './test-support/cli';

const WIDGET = `apiVersion: widgets.example.dev/v1
kind: Widget
metadata: {name: w}
spec:
  parts:
  - gears: [{name: a}]
  - gears: [{name: b}, {name: c, ratio: 3}]
`;
const TURBO_RUN = `apiVersion: widgets.example.dev/v1
kind: WidgetRun
metadata: {name: r}
spec:
  widgetSpec: {turbo: true}
`;
const WIDGET_V2 = `apiVersion: widgets.example.dev/v2
kind: Widget
metadata: {name: future}
spec: {}
`;
const POD = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {containers: [{name: c, image: busybox}]}
`;

describe('a downstream project', () => {
  it('checks its manifests at each of its levels, with paths under nested arrays', async () => {
    const dir = widgetsProject({ 'manifests/widget.yaml': WIDGET, 'manifests/run.yaml': TURBO_RUN });
    const stable = await cliIn(dir, ['check', 'manifests', '--api-fields', 'stable']);
    expect(stable.code).toBe(1);
    expect(stable.out).toContain('manifests/widget.yaml: Widget/w: spec.parts[1].gears[1].ratio: ');
    expect(stable.out).toContain('manifests/run.yaml: WidgetRun/r: spec.widgetSpec.turbo: ');
    expect(stable.err).toBe('checked 2 object(s) at "enable-api-fields: stable": 2 rejected');
    const alpha = await cliIn(dir, ['check', 'manifests', '--api-fields', 'alpha']);
    expect(alpha.code).toBe(0);
    expect(alpha.out).toContain('Widget/w: warning: spec.parts[1].gears[1].ratio: uses alpha feature "gear-ratio"');
    expect((await cliIn(dir, ['check', 'manifests/run.yaml', '--api-fields', 'stable', '--set', 'enable-turbo=true'])).code).toBe(0);
  });

  it("fails on an object of its own API group whose kind the catalog lacks, ignores others' kinds, and counts both", async () => {
    const dir = widgetsProject({ 'm/future.yaml': WIDGET_V2, 'm/pod.yaml': POD, 'm/widget.yaml': WIDGET });
    const result = await cliIn(dir, ['check', 'm', '--api-fields', 'alpha']);
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      'm/future.yaml: Widget/future: error: widgets.example.dev/v2 Widget is not a kind of the catalog "widgets", though its group is (it knows widgets.example.dev/v1 Widget, widgets.example.dev/v1 WidgetRun): is the catalog missing it, or is the apiVersion wrong? (--unknown-kinds=ignore or warn lets it pass)',
    );
    expect(result.out).not.toContain('Pod/p');
    expect(result.err).toBe('checked 3 object(s) at "enable-api-fields: alpha": 0 rejected, 2 of kinds the catalog does not know (1 an error)');

    const json = JSON.parse((await cliIn(dir, ['check', 'm', '--output', 'json'])).out);
    expect(json.unknownKinds).toEqual([
      expect.objectContaining({ file: 'm/future.yaml', object: 'Widget/future', apiVersion: 'widgets.example.dev/v2', kind: 'Widget', inCatalogGroup: true, decision: 'error' }),
      expect.objectContaining({ file: 'm/pod.yaml', object: 'Pod/p', apiVersion: 'v1', kind: 'Pod', inCatalogGroup: false, decision: 'ignore' }),
    ]);

    const warned = await cliIn(dir, ['check', 'm', '--api-fields', 'alpha', '--unknown-kinds', 'warn']);
    expect(warned.code).toBe(0);
    expect(warned.out).toContain('m/pod.yaml: Pod/p: warning: v1 Pod is not a kind of the catalog "widgets"');
    expect((await cliIn(dir, ['check', 'm', '--api-fields', 'alpha', '--unknown-kinds=ignore'])).code).toBe(0);
    const strict = await cliIn(dir, ['check', 'm/pod.yaml', '--unknown-kinds', 'error']);
    expect(strict.code).toBe(1);
    expect(strict.out).toContain('m/pod.yaml: Pod/p: error: v1 Pod is not a kind of the catalog "widgets"');
    expect((await cliIn(dir, ['check', 'm', '--unknown-kinds', 'maybe'])).code).toBe(2);
  });

  it('reports unknown kinds in requirements too', async () => {
    const dir = widgetsProject({ 'm/future.yaml': WIDGET_V2, 'm/widget.yaml': WIDGET, 'm/pod.yaml': POD });
    const result = await cliIn(dir, ['requirements', 'm']);
    expect(result.code).toBe(1);
    expect(result.out.split('\n')).toEqual([
      'm/pod.yaml: Pod/p: enable-api-fields: stable',
      'm/widget.yaml: Widget/w: enable-api-fields: alpha (for gear-ratio)',
      expect.stringMatching(/^m\/future\.yaml: Widget\/future: error: widgets\.example\.dev\/v2 Widget is not a kind/),
    ]);
    expect(result.err).toBe('3 object(s), 2 of kinds the catalog does not know (1 an error)');
    expect((await cliIn(dir, ['requirements', 'm', '--unknown-kinds', 'ignore'])).code).toBe(0);
    expect(JSON.parse((await cliIn(dir, ['requirements', 'm', '-o', 'json'])).out).unknownKinds).toHaveLength(2);
  });

  it("names its own ConfigMap and namespace: explain's kubectl line and serve's --kubernetes default", async () => {
    const explained = await cliIn(widgetsProject(), ['explain', 'paint']);
    expect(explained.code).toBe(0);
    expect(explained.out).toContain(`to set it: kubectl patch cm widget-flags -n widgets-system -p '{"data":{"paint":"VALUE"}}'`);
    const configMap = { name: 'widget-flags', namespace: 'widgets-system' };
    const saved = process.env.SYSTEM_NAMESPACE;
    delete process.env.SYSTEM_NAMESPACE;
    try {
      expect(configOrigin({ kubernetes: true, port: 0, host: '' }, configMap)).toEqual({ kubernetes: configMap });
      expect(configOrigin({ kubernetes: true, namespace: 'dev', configmap: 'flags', port: 0, host: '' }, configMap)).toEqual({ kubernetes: { namespace: 'dev', name: 'flags' } });
    } finally {
      if (saved !== undefined) process.env.SYSTEM_NAMESPACE = saved;
    }
  });

  it('takes --catalog on every command that reads a catalog, with no project config at all', async () => {
    const dir = tempDir({ 'w.yaml': WIDGET, 'flags.yaml': 'enable-api-fields: alpha\npaint: gloss\n' });
    const catalog = ['--catalog', WIDGETS_CATALOG];
    expect((await cliIn(dir, ['check', 'w.yaml', '--api-fields', 'alpha', ...catalog])).code).toBe(0);
    expect((await cliIn(dir, ['requirements', 'w.yaml', ...catalog])).out).toBe('w.yaml: Widget/w: enable-api-fields: alpha (for gear-ratio)');
    expect((await cliIn(dir, ['config', 'validate', 'flags.yaml', ...catalog])).out).toContain('flags.yaml: valid: "enable-api-fields" is "alpha"');
    expect((await cliIn(dir, ['explain', 'gear-ratio', ...catalog])).out).toContain('feature gear-ratio ("gear ratio"): alpha');
    expect((await cliIn(dir, ['matrix', ...catalog])).out).toContain('of widgets');
    expect((await cliIn(dir, ['docs', '--output', 'features.md', ...catalog])).out).toBe('wrote features.md');
    expect(readFileSync(join(dir, 'features.md'), 'utf8')).toContain('gear-ratio');
    const none = await cliIn(dir, ['check', 'w.yaml']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('featuregates: no catalog: pass --catalog <module>');
  });

  it('builds a bundle of one of its declared levels whose release.yaml names its group, kinds and ConfigMap', async () => {
    const dir = widgetsProject({ 'w.yaml': WIDGET });
    const beta = await cliIn(dir, ['bundle', '--variant', 'beta']);
    expect(beta.code).toBe(2);
    expect(beta.err).toBe('featuregates: --variant beta: the catalog "widgets" declares the levels alpha, stable; a bundle is one of them');

    const built = await cliIn(dir, ['bundle', '--variant', 'stable', '--output', 'out']);
    expect(built.code).toBe(0);
    expect(built.out).toMatch(/^out: widgets stable bundle: webhook\.js \d+ KiB, featuregates\.js \d+ KiB; /);
    for (const file of ['webhook.js', 'featuregates.js', 'release.yaml', 'FEATURES.md', 'Dockerfile', 'meta.json']) expect(existsSync(join(dir, 'out', file))).toBe(true);

    const objects: { kind: string; metadata: { name: string; namespace?: string }; [key: string]: unknown }[] = [];
    loadAll(readFileSync(join(dir, 'out/release.yaml'), 'utf8'), (object) => objects.push(object as (typeof objects)[number]), { schema: CORE_SCHEMA });
    const configMap = objects.find((object) => object.kind === 'ConfigMap');
    expect(configMap?.metadata).toMatchObject({ name: 'widget-flags', namespace: 'widgets-system' });
    expect((configMap as unknown as { data: Record<string, string> }).data).toEqual({ 'enable-api-fields': 'stable', 'spin-faster': 'false', paint: 'matte' });
    const webhooks = (objects.find((object) => object.kind === 'ValidatingWebhookConfiguration') as unknown as { webhooks: { rules: unknown[]; matchConditions?: { expression: string }[] }[] }).webhooks;
    expect(webhooks[0].rules).toEqual([{ apiGroups: ['widgets.example.dev'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['widgets', 'widgetruns'], scope: '*' }]);
    expect(webhooks[1].matchConditions?.[0].expression).toBe("(request.operation == 'DELETE' ? oldObject : object).metadata.name == 'widget-flags'");
    expect(objects.find((object) => object.kind === 'Role')).toMatchObject({ metadata: { namespace: 'widgets-system' }, rules: [{ resourceNames: ['widget-flags'] }] });
    expect(readFileSync(join(dir, 'out/FEATURES.md'), 'utf8')).toContain('| gear-ratio | alpha |  | no: in the alpha bundle |');

    // The bundle carries the catalog and the project's identity: node alone runs it, anywhere.
    const elsewhere = tempDir({ 'w.yaml': WIDGET });
    const run = (args: string[]) => spawnSync(process.execPath, [join(dir, 'out', 'featuregates.js'), ...args], { cwd: elsewhere, encoding: 'utf8' });
    const checked = run(['check', 'w.yaml']);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain('w.yaml: Widget/w: spec.parts[1].gears[1].ratio: ');
    expect(run(['explain', 'paint']).stdout).toContain('kubectl patch cm widget-flags -n widgets-system');
    expect(run(['check', 'w.yaml', '--catalog', 'x.ts']).stderr).toContain('--catalog: this featuregates is built for the catalog "widgets"');
  }, 60_000);
});
