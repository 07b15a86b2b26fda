import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { featuregates, featuregatesBin, workspaceRoot } from './process';

// Outside the repository no package.json names a catalog: --catalog does.
const TEKTON_CATALOG = join(workspaceRoot, 'packages/tekton/src/index.ts');

describe('the installed featuregates binary', () => {
  it('walks the README: the shipped examples at each level', () => {
    const stable = featuregates(['check', 'examples', '--api-fields', 'stable']);
    expect(stable.status).toBe(1);
    expect(stable.stdout).toContain('examples/beta-pipeline-matrix.yaml: Pipeline/build-all-platforms: spec.tasks[0].matrix: matrix requires');
    expect(stable.stdout).not.toContain('stable-task.yaml');
    const beta = featuregates(['check', 'examples', '--api-fields', 'beta']);
    expect(beta.status).toBe(1);
    expect(beta.stdout).toContain('spec.pipelineSpec.tasks[0].pipelineSpec: pipelineSpec requires "enable-api-fields" feature gate to be "alpha" but it is "beta"');
    const alpha = featuregates(['check', 'examples', '--api-fields', 'alpha']);
    expect(alpha.status).toBe(0);
    expect(alpha.stdout).toContain('warning: spec.pipelineSpec.tasks[0].pipelineSpec: uses alpha feature "pipelines-in-pipelines"');
  });

  it('answers --help and exits 2 on a usage error', () => {
    expect(featuregates(['--help']).status).toBe(0);
    const bad = featuregates(['check', 'examples', '--output', 'xml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Allowed choices are text, json');
  });

  it('validates the repository config and an old Tekton ConfigMap', () => {
    expect(featuregates(['config', 'validate', 'config/feature-flags.yaml']).status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'fg-e2e-'));
    writeFileSync(join(dir, 'v0.30.yaml'), 'disable-home-env-overwrite: "true"\ndisable-working-directory-overwrite: "true"\nenable-custom-tasks: "false"\nenable-api-fields: "stable"\n');
    const old = featuregates(['config', 'validate', join(dir, 'v0.30.yaml')]);
    expect(old.status).toBe(0);
    expect(old.stdout).toContain('was removed in v0.33.0');
  });

  it('stops quietly when its reader goes away (EPIPE), keeping its own exit code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-e2e-'));
    const pipeline = (i: number) => `---\napiVersion: tekton.dev/v1\nkind: Pipeline\nmetadata: {name: p${i}}\nspec:\n  tasks: [{name: a, taskRef: {name: t}, matrix: {params: [{name: x, value: [a]}]}}]\n`;
    writeFileSync(join(dir, 'many.yaml'), Array.from({ length: 3000 }, (_, i) => pipeline(i)).join(''));
    const piped = spawnSync('sh', ['-c', `"${featuregatesBin}" check many.yaml --api-fields stable --catalog "${TEKTON_CATALOG}" | head -1`], { cwd: dir, encoding: 'utf8' });
    expect(piped.stdout).toMatch(/^many\.yaml: Pipeline\/p0: spec\.tasks\[0\]\.matrix: /);
    expect(piped.stderr).not.toMatch(/EPIPE|internal error|\n\s+at /);
    expect(piped.stderr).toContain('checked 3000 object(s) at "enable-api-fields: stable": 3000 rejected');
  });

  it('checks a 5 MB multi-document file and reports every violation in it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-e2e-'));
    const pipeline = (i: number) =>
      `apiVersion: tekton.dev/v1\nkind: Pipeline\nmetadata:\n  name: p${i}\nspec:\n  tasks:\n${Array.from({ length: 8 }, (_, t) => `  - name: t${t}\n    taskRef: {name: build}\n    params:\n    - {name: a, value: "${'x'.repeat(60)}"}\n${t === 0 ? '    matrix:\n      params: [{name: x, value: ["1"]}]\n' : ''}`).join('')}`;
    const documents: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      documents.push(pipeline(i));
      size += documents[i].length + 4;
    }
    writeFileSync(join(dir, 'big.yaml'), documents.join('---\n'));
    const result = featuregates(['check', 'big.yaml', '--api-fields', 'stable', '--catalog', TEKTON_CATALOG], dir);
    expect(result.status).toBe(1);
    expect(result.stdout.trim().split('\n')).toHaveLength(documents.length);
    expect(result.stderr).toContain(`checked ${documents.length} object(s)`);
  });
});
