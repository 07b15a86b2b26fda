import { cli } from '../test-support/cli';

const MATRIX = `apiVersion: tekton.dev/v1
kind: Pipeline
metadata: {name: m}
spec:
  tasks:
  - name: a
    taskRef: {name: t}
    matrix:
      params: [{name: x, value: ["1", "2"]}]
`;
const ENUM_TASK = `apiVersion: tekton.dev/v1
kind: Task
metadata: {name: e}
spec:
  params: [{name: p, type: string, enum: ["a", "b"]}]
  steps: [{name: s, image: busybox}]
`;
const PLAIN_TASK = `apiVersion: tekton.dev/v1
kind: Task
metadata: {name: plain}
spec:
  steps: [{name: s, image: busybox}]
`;

describe('featuregates check', () => {
  it('prints FILE: Kind/name: PATH: MESSAGE and exits 1 on a violation', async () => {
    const result = await cli(['check', 'm.yaml', '--api-fields', 'stable'], { 'm.yaml': MATRIX });
    expect(result.code).toBe(1);
    expect(result.out).toBe('m.yaml: Pipeline/m: spec.tasks[0].matrix: matrix requires "enable-api-fields" feature gate to be "alpha" or "beta" but it is "stable"');
  });

  it('exits 0 and warns when the feature is on', async () => {
    const result = await cli(['check', 'm.yaml', '--api-fields', 'beta'], { 'm.yaml': MATRIX });
    expect(result.code).toBe(0);
    expect(result.out).toBe('m.yaml: Pipeline/m: warning: spec.tasks[0].matrix: uses beta feature "matrix"');
  });

  it('checks every document of a multi-document file and every file of a directory', async () => {
    const result = await cli(['check', '.', '--api-fields', 'stable'], { 'all.yaml': `${PLAIN_TASK}---\n${MATRIX}`, 'e.yaml': ENUM_TASK, 'notes.txt': 'ignored' });
    expect(result.code).toBe(1);
    expect(result.out.split('\n').map((line) => line.split(': ').slice(0, 3).join(': '))).toEqual([
      'all.yaml: Pipeline/m: spec.tasks[0].matrix',
      'e.yaml: Task/e: spec.params[0].enum',
    ]);
    expect(result.err).toContain('checked 3 object(s)');
  });

  it('reads JSON manifests and Kubernetes Lists', async () => {
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'tekton.dev/v1', kind: 'TaskRun', metadata: { name: 'r' }, spec: { debug: {} } }] });
    const result = await cli(['check', 'l.json'], { 'l.json': list });
    expect(result.out).toBe('l.json: TaskRun/r: spec.debug: debug requires "enable-api-fields" feature gate to be "alpha" but it is "beta"');
  });

  it('lets --set override the level for one feature, both ways', async () => {
    expect((await cli(['check', 'e.yaml', '--api-fields', 'stable', '--set', 'enable-param-enum=true'], { 'e.yaml': ENUM_TASK })).code).toBe(0);
    expect((await cli(['check', 'e.yaml', '--api-fields', 'alpha', '--set', 'enable-param-enum=false'], { 'e.yaml': ENUM_TASK })).code).toBe(1);
  });

  it('takes a ConfigMap manifest as --config, and --api-fields over it', async () => {
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: feature-flags}\ndata:\n  enable-api-fields: "stable"\n';
    expect((await cli(['check', 'm.yaml', '--config', 'cm.yaml'], { 'm.yaml': MATRIX, 'cm.yaml': configMap })).code).toBe(1);
    expect((await cli(['check', 'm.yaml', '--config', 'cm.yaml', '--api-fields', 'beta'], { 'm.yaml': MATRIX, 'cm.yaml': configMap })).code).toBe(0);
  });

  it('refuses to check under a config with errors, and says why', async () => {
    const result = await cli(['check', 'm.yaml', '--set', 'enable-param-enums=true'], { 'm.yaml': MATRIX });
    expect(result.code).toBe(1);
    expect(result.err).toBe('config: unknown key "enable-param-enums": did you mean "enable-param-enum"?');
  });

  it('prints JSON with every object, violation, warning and use', async () => {
    const result = await cli(['check', 'm.yaml', '-o', 'json', '--api-fields', 'stable'], { 'm.yaml': MATRIX });
    const report = JSON.parse(result.out);
    expect(report.config.level).toBe('stable');
    expect(report.objects[0]).toMatchObject({ file: 'm.yaml', object: 'Pipeline/m', allowed: false, uses: [{ feature: 'matrix', decision: 'rejected' }] });
  });

  it('reports unreadable files and exits 1, still checking the rest', async () => {
    const result = await cli(['check', 'bad.yaml', 'ok.yaml'], { 'bad.yaml': 'a: [unclosed', 'ok.yaml': PLAIN_TASK });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^bad\.yaml: error: not valid YAML/);
    expect(result.err).toContain('checked 1 object(s)');
  });

  it('survives a 10,000-deep JSON object without a stack trace', async () => {
    const deep = `{"apiVersion":"tekton.dev/v1","kind":"Task","metadata":{"name":"d"},"spec":{"steps":[{"name":"s","env":[{"name":"a","valueFrom":${'{"x":'.repeat(10000)}{}${'}'.repeat(10000)}}]}]}}`;
    const result = await cli(['check', 'deep.json', '--api-fields', 'stable'], { 'deep.json': deep });
    expect(result.code).toBe(0);
  });

  it.each([
    [['check'], 'missing required argument'],
    [['check', 'x.yaml', '--api-fields', 'gamma'], 'Allowed choices are stable, beta, alpha'],
    [['check', 'x.yaml', '--set', 'novalue'], 'expected KEY=VALUE'],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const result = await cli(argv as string[], { 'x.yaml': PLAIN_TASK });
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });

  it('exits 1 for a path that does not exist, naming it', async () => {
    const result = await cli(['check', 'missing.yaml']);
    expect(result.code).toBe(1);
    expect(result.out).toBe('missing.yaml: error: no such file or directory');
  });

  it('has --help on every command, exiting 0', async () => {
    for (const argv of [['--help'], ['check', '--help'], ['requirements', '--help'], ['config', 'validate', '--help'], ['explain', '--help']]) {
      const result = await cli(argv);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/Usage: featuregates/);
    }
  });
});

describe('featuregates requirements', () => {
  it('names the least level and own flags an object needs', async () => {
    const result = await cli(['requirements', 'm.yaml', 'e.yaml', 'p.yaml'], { 'm.yaml': MATRIX, 'e.yaml': ENUM_TASK, 'p.yaml': PLAIN_TASK });
    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toEqual([
      'm.yaml: Pipeline/m: enable-api-fields: beta (for matrix)',
      'e.yaml: Task/e: enable-api-fields: stable',
      // Tekton's own flags decide alone (TEP-0138): no level turns enable-param-enum on.
      'e.yaml: Task/e: enable-param-enum: "true"',
      'p.yaml: Task/plain: enable-api-fields: stable',
    ]);
  });

  it('prints JSON per object', async () => {
    const result = await cli(['requirements', 'm.yaml', '-o', 'json'], { 'm.yaml': MATRIX });
    expect(JSON.parse(result.out).objects[0]).toMatchObject({ level: 'beta', flags: [], features: [{ feature: 'matrix', paths: ['spec.tasks[0].matrix'] }] });
  });
});

describe('featuregates config validate', () => {
  it('finds a typo with a did-you-mean and exits 1', async () => {
    const result = await cli(['config', 'validate', 'c.yaml'], { 'c.yaml': 'enable-api-fields: beta\nenable-param-enums: "true"\n' });
    expect(result.code).toBe(1);
    expect(result.out).toContain('c.yaml: error: unknown key "enable-param-enums": did you mean "enable-param-enum"?');
  });

  it('loads an old ConfigMap with removed and misspelt keys, with warnings', async () => {
    const old = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: feature-flags}\ndata:\n  disable-home-env-overwrite: "true"\n  enforce-nonfalsifiablity: "none"\n  enable-api-fields: "stable"\n';
    const result = await cli(['config', 'validate', 'old.yaml'], { 'old.yaml': old });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/warning: "disable-home-env-overwrite" was removed in v0\.33\.0/);
    expect(result.out).toMatch(/valid: "enable-api-fields" is "stable"/);
  });

  it('rejects a bad level and a config file that is not a map', async () => {
    expect((await cli(['config', 'validate', 'c.yaml'], { 'c.yaml': 'enable-api-fields: "experimental"\n' })).code).toBe(1);
    const list = await cli(['config', 'validate', 'c.yaml'], { 'c.yaml': '- a\n- b\n' });
    expect(list.code).toBe(1);
    expect(list.err).toContain('expected a ConfigMap manifest or a map');
  });
});

describe('featuregates explain', () => {
  it('explains a feature: stability, paths, history and how to turn it on', async () => {
    const result = await cli(['explain', 'matrix']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('feature matrix ("matrix"): beta');
    expect(result.out).toContain('tekton.dev/v1 PipelineRun: spec.pipelineSpec.tasks[].matrix');
    expect(result.out).toContain('v0.53.0 (2023-10-26): promoted as beta');
    expect(result.out).toContain('set "enable-api-fields" to "beta" (or "alpha")');
  });

  it('explains flags, removed keys and misspelt keys', async () => {
    expect((await cli(['explain', 'coschedule'])).out).toMatch(/flag coschedule: enum, default "workspaces"/);
    expect((await cli(['explain', 'disable-affinity-assistant'])).out).toMatch(/removed in v1\.0\.0/);
    expect((await cli(['explain', 'enforce-nonfalsifiablity'])).out).toMatch(/applies to "enforce-nonfalsifiability"/);
    expect((await cli(['explain', 'enable-api-fields'])).out).toMatch(/matrix: beta/);
  });

  it("says which own-flag rule decides a feature with its own flag: Tekton's own-flag-decides (TEP-0138)", async () => {
    const feature = (await cli(['explain', 'param-enum'])).out;
    expect(feature).toContain('set its own flag "enable-param-enum" to "true"; "enable-api-fields" does not turn it on');
    expect(feature).toContain('rule own-flag-decides: a feature with its own flag is on exactly when that flag is "true"');
    expect(feature).not.toContain('set "enable-api-fields" to "alpha"');
    expect((await cli(['explain', 'enable-param-enum'])).out).toContain('own flag of feature param-enum; rule own-flag-decides');
  });

  it('suggests the nearest name for an unknown one and exits 1', async () => {
    const result = await cli(['explain', 'matrx']);
    expect(result.code).toBe(1);
    expect(result.err).toBe('unknown feature or flag "matrx": did you mean "matrix"?');
  });
});
