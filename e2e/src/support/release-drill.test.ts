import { failureReport, generatedFiles, markdownSection } from './release-drill';
import { cloneEnv } from './workspace-clone';

describe('the release drill helpers', () => {
  it('cuts a Markdown section at the next heading of its level or higher, keeping deeper ones', () => {
    const text = ['## A', 'a', '### A.1', 'a1', '## B', 'b'].join('\n');
    expect(markdownSection(text, '## A')).toBe(['## A', 'a', '### A.1', 'a1'].join('\n'));
    expect(markdownSection(text, '### A.1')).toBe(['### A.1', 'a1'].join('\n'));
    expect(markdownSection(text, '## B')).toBe(['## B', 'b'].join('\n'));
    expect(markdownSection(text, '## C')).toBe('');
  });

  it("reads the files a generator wrote from its report, colours stripped by NO_COLOR", () => {
    const out = ' NX  Generating @featuregates/tools:feature\n\nUPDATE packages/tekton/src/features.ts\nCREATE .changeset/fg-feature-added-x.md\nDELETE old.ts\n';
    expect(generatedFiles({ status: 0, out, stdout: out })).toEqual(['packages/tekton/src/features.ts', '.changeset/fg-feature-added-x.md']);
  });

  it("keeps the outer run's Nx, npm, jest and gate settings out of the clone, and sets its own", () => {
    const env = cloneEnv({ PATH: '/bin', NX_TASK_TARGET_PROJECT: 'e2e', npm_config_prefix: '/x', JEST_WORKER_ID: '1', FEATUREGATES_CONFIG: '{}', INIT_CWD: '/w' });
    expect(env).toMatchObject({ PATH: '/bin', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', CI: 'true' });
    for (const key of ['NX_TASK_TARGET_PROJECT', 'npm_config_prefix', 'JEST_WORKER_ID', 'FEATUREGATES_CONFIG', 'INIT_CWD']) expect(env).not.toHaveProperty(key);
  });

  it('reports only failed steps, with the lines that name what failed', () => {
    const failed = { status: 1, out: 'noise\n FAIL  src/a.test.ts\n  ● a › b\nFailed tasks:\n  - tekton:test\nend', stdout: '' };
    const report = failureReport([{ step: 'ok', outcome: { status: 0, out: '', stdout: '' } }, { step: 'unit tests', outcome: failed }]);
    expect(report.split('\n').slice(0, 5)).toEqual(['unit tests exited 1:', ' FAIL  src/a.test.ts', '  ● a › b', 'Failed tasks:', '  - tekton:test']);
    expect(report).not.toContain('ok exited');
  });
});
