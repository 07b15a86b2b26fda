import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MATRIX_PIPELINE, PLAIN_TASK, pipelineWithTasks } from './support/objects';
import { decision, eventually, killAll, review, startServe, type ServeProcess } from './support/webhook-process';

type Level = 'stable' | 'beta' | 'alpha';

interface Case {
  name: string;
  object: Record<string, unknown>;
  /** The path of the one gated use, and the feature's stability; none for objects without one. */
  path?: string;
  stability?: 'beta' | 'alpha';
}

const v1 = (kind: string, spec: unknown) => ({ apiVersion: 'tekton.dev/v1', kind, metadata: { name: kind.toLowerCase() }, spec });
const v1beta1 = (kind: string, spec: unknown) => ({ ...v1(kind, spec), apiVersion: 'tekton.dev/v1beta1' });
const stepWithWorkspace = { name: 's', image: 'busybox', workspaces: [{ name: 'w' }] };

const CASES: Case[] = [
  { name: 'a plain v1 Task', object: PLAIN_TASK },
  { name: 'a v1 Task with step workspaces', object: v1('Task', { steps: [stepWithWorkspace] }), path: 'spec.steps[0].workspaces', stability: 'beta' },
  { name: 'a v1 Pipeline with a matrix', object: MATRIX_PIPELINE, path: 'spec.tasks[0].matrix', stability: 'beta' },
  { name: 'a v1 Pipeline embedding a pipeline in a task', object: v1('Pipeline', { tasks: [{ name: 'a', pipelineSpec: { tasks: [{ name: 'b', taskRef: { name: 't' } }] } }] }), path: 'spec.tasks[0].pipelineSpec', stability: 'alpha' },
  { name: 'a v1 TaskRun with debug', object: v1('TaskRun', { taskRef: { name: 't' }, debug: {} }), path: 'spec.debug', stability: 'alpha' },
  { name: 'a v1 TaskRun embedding a task with stdoutConfig', object: v1('TaskRun', { taskSpec: { steps: [{ name: 's', image: 'busybox', stdoutConfig: { path: '/out' } }] } }), path: 'spec.taskSpec.steps[0].stdoutConfig', stability: 'alpha' },
  { name: 'a v1 PipelineRun embedding a pipeline with a matrix', object: v1('PipelineRun', { pipelineSpec: MATRIX_PIPELINE.spec }), path: 'spec.pipelineSpec.tasks[0].matrix', stability: 'beta' },
  {
    name: 'a v1 PipelineRun embedding a pipeline embedding a task with step workspaces',
    object: v1('PipelineRun', { pipelineSpec: { tasks: [{ name: 'a', taskSpec: { steps: [stepWithWorkspace] } }] } }),
    path: 'spec.pipelineSpec.tasks[0].taskSpec.steps[0].workspaces',
    stability: 'beta',
  },
  { name: 'a v1beta1 Pipeline with a matrix', object: v1beta1('Pipeline', MATRIX_PIPELINE.spec), path: 'spec.tasks[0].matrix', stability: 'beta' },
  { name: 'a v1beta1 TaskRun with stepOverrides', object: v1beta1('TaskRun', { taskRef: { name: 't' }, stepOverrides: [{ name: 's' }] }), path: 'spec.stepOverrides', stability: 'beta' },
  { name: 'a v1beta1 StepAction with a Windows script', object: v1beta1('StepAction', { image: 'mcr.microsoft.com/powershell', script: '#!win pwsh.exe\nWrite-Host hi' }), path: 'spec.script', stability: 'alpha' },
  { name: 'a v1beta1 CustomRun (no gates)', object: v1beta1('CustomRun', { customRef: { apiVersion: 'example.dev/v1', kind: 'Wait' } }) },
  { name: 'an unknown Tekton kind', object: v1('Frobnicator', { matrix: { params: [{ name: 'x' }] } }) },
  { name: 'an unknown version of a Tekton kind', object: { ...MATRIX_PIPELINE, apiVersion: 'tekton.dev/v2' } },
  { name: 'a Pipeline of another API group', object: { ...MATRIX_PIPELINE, apiVersion: 'example.com/v1' } },
];

const enabledAt = (stability: 'beta' | 'alpha', level: Level) => level === 'alpha' || (level === 'beta' && stability === 'beta');

describe('featuregates serve: decisions over HTTPS', () => {
  let server: ServeProcess;
  let dir: string;
  const flags = () => join(dir, 'flags.yaml');
  const setLevel = async (level: Level, extra = '') => {
    writeFileSync(join(dir, 'next.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: feature-flags}\ndata:\n  enable-api-fields: "${level}"\n${extra}`);
    renameSync(join(dir, 'next.yaml'), flags());
    await eventually(async () => {
      const features = (await server.get('/features')).json as { flags: { key: string; value: string }[]; errors: unknown[] };
      expect(features.flags[0]).toEqual({ key: 'enable-api-fields', value: level, source: 'configmap' });
      expect(features.errors).toEqual([]);
    });
  };
  const admit = async (body: Record<string, unknown>) => decision(await server.post('/validate', body));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fg-e2e-decisions-'));
    writeFileSync(flags(), 'enable-api-fields: "stable"\n');
    server = await startServe(['--config', flags(), '--dev-cert', join(dir, 'certs')]);
  });

  afterAll(async () => {
    await server?.stop();
    killAll();
  });

  describe.each(['stable', 'beta', 'alpha'] as const)('at enable-api-fields: %s', (level) => {
    beforeAll(() => setLevel(level));

    it.each(CASES.map((item) => [item.name, item] as const))('CREATE %s', async (_name, item) => {
      const body = review(item.object);
      const answer = await admit(body);
      expect(answer.uid).toBe((body.request as { uid: string }).uid);
      if (!item.path || !item.stability) {
        expect(answer).toEqual({ uid: answer.uid, allowed: true, warnings: [] });
      } else if (enabledAt(item.stability, level)) {
        expect(answer.allowed).toBe(true);
        expect(answer.warnings).toEqual([expect.stringMatching(new RegExp(`^${item.path.replace(/[.[\]]/g, '\\$&')}: uses ${item.stability} feature "`))]);
      } else {
        expect(answer.allowed).toBe(false);
        expect(answer.status?.code).toBe(400);
        const lines = answer.status?.message.split('\n') ?? [];
        expect(lines).toHaveLength(1);
        expect(lines[0].startsWith(`${item.path}: `)).toBe(true);
        expect(lines[0]).toContain(`but it is "${level}"`);
      }
      for (const warning of answer.warnings) expect(warning.length).toBeLessThanOrEqual(120);
    });
  });

  describe('at stable, on an existing object', () => {
    beforeAll(() => setLevel('stable'));
    const labelled = { ...MATRIX_PIPELINE, metadata: { name: 'm', labels: { team: 'a' } } };

    it('ratchets an UPDATE that keeps the matrix it had, with a warning', async () => {
      const answer = await admit(review(labelled, { operation: 'UPDATE', oldObject: MATRIX_PIPELINE }));
      expect(answer.allowed).toBe(true);
      expect(answer.warnings).toEqual(['spec.tasks[0].matrix: kept existing beta feature "matrix", which is now off; new uses are rejected']);
    });

    it('rejects a new use on UPDATE, naming only the new path', async () => {
      const grown = { ...MATRIX_PIPELINE, spec: { tasks: [...MATRIX_PIPELINE.spec.tasks, { ...MATRIX_PIPELINE.spec.tasks[0], name: 'b' }] } };
      const answer = await admit(review(grown, { operation: 'UPDATE', oldObject: MATRIX_PIPELINE }));
      expect(answer.allowed).toBe(false);
      expect(answer.status?.message).toMatch(/^spec\.tasks\[1\]\.matrix: /);
      expect(answer.warnings).toHaveLength(1);
    });

    it('rejects a changed value on UPDATE', async () => {
      const changed = { ...MATRIX_PIPELINE, spec: { tasks: [{ ...MATRIX_PIPELINE.spec.tasks[0], matrix: { params: [{ name: 'x', value: ['3'] }] } }] } };
      expect((await admit(review(changed, { operation: 'UPDATE', oldObject: MATRIX_PIPELINE }))).allowed).toBe(false);
    });

    it('never gates DELETE, CONNECT or a status update', async () => {
      expect((await admit(review(null, { operation: 'DELETE', oldObject: MATRIX_PIPELINE }))).allowed).toBe(true);
      expect((await admit(review(MATRIX_PIPELINE, { operation: 'CONNECT' }))).allowed).toBe(true);
      expect((await admit(review(MATRIX_PIPELINE, { operation: 'UPDATE', subResource: 'status', oldObject: MATRIX_PIPELINE }))).allowed).toBe(true);
    });

    it('takes the kind from the request', async () => {
      const answer = await admit(review(MATRIX_PIPELINE, { kind: { group: 'example.com', version: 'v1', kind: 'Pipeline' } }));
      expect(answer.allowed).toBe(true);
    });
  });

  it('lists every violation in the status, and caps warnings at 20 plus a count', async () => {
    await setLevel('stable');
    const denied = await admit(review(pipelineWithTasks(30, true)));
    expect(denied.status?.message.split('\n')).toHaveLength(30);
    await setLevel('beta');
    const warned = await admit(review(pipelineWithTasks(30, true)));
    expect(warned.allowed).toBe(true);
    expect(warned.warnings).toHaveLength(21);
    expect(warned.warnings[20]).toBe('…and 10 more warnings');
  });

  it('lets a feature\'s own flag decide over the level', async () => {
    const enumTask = v1('Task', { params: [{ name: 'p', type: 'string', enum: ['a', 'b'] }], steps: [{ name: 's', image: 'busybox' }] });
    await setLevel('stable', '  enable-param-enum: "true"\n');
    expect((await admit(review(enumTask))).allowed).toBe(true);
    await setLevel('alpha', '  enable-param-enum: "false"\n');
    const answer = await admit(review(enumTask));
    expect(answer.allowed).toBe(false);
    expect(answer.status?.message).toContain('spec.params[0].enum');
  });

  it('logs one JSON line per rejection, and none per admission', async () => {
    await setLevel('stable');
    const before = server.logs.filter((line) => line.msg === 'admission denied').length;
    const body = review(MATRIX_PIPELINE, { name: 'm' });
    await admit(body);
    await admit(review(PLAIN_TASK));
    await eventually(() => expect(server.logs.filter((line) => line.msg === 'admission denied').length).toBe(before + 1));
    expect(server.logs.filter((line) => line.msg === 'admission denied').at(-1)).toMatchObject({ uid: (body.request as { uid: string }).uid, kind: 'tekton.dev/v1/Pipeline', operation: 'CREATE', violationCount: 1 });
  });
});
