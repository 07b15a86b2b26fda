// Hostile input through the CLI on Tekton's catalog: alias bombs, unreadable paths, prototype keys, deep nesting.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '@featuregates/cli';
import { tektonCatalog } from '@featuregates/tekton';
import { cli } from '../test-support/cli';

const PLAIN_TASK = 'apiVersion: tekton.dev/v1\nkind: Task\nmetadata: {name: plain}\nspec:\n  steps: [{name: s, image: busybox}]\n';

/** A few kilobytes of YAML whose aliases nest embedded pipelineSpecs `levels` deep, `fan` tasks wide: fan^levels tasks once expanded. */
function aliasBomb(levels: number, fan: number): string {
  const lines = ['apiVersion: tekton.dev/v1', 'kind: Pipeline', 'metadata: {name: bomb}', 'x-anchors:', '  - &l0 {name: t, taskRef: {name: t}, matrix: {params: [{name: p, value: [a]}]}}'];
  for (let level = 1; level <= levels; level++) {
    lines.push(`  - &l${level} {name: t${level}, pipelineSpec: {tasks: [${Array.from({ length: fan }, () => `*l${level - 1}`).join(', ')}]}}`);
  }
  lines.push('spec:', `  tasks: [*l${levels}]`);
  return `${lines.join('\n')}\n`;
}

describe('manifests from hostile files, through the CLI', () => {
  it('check and requirements report the bomb and exit 1 without a stack trace, checking the other files', async () => {
    for (const command of ['check', 'requirements']) {
      const result = await cli([command, 'bomb.yaml', 'task.yaml'], { 'bomb.yaml': aliasBomb(9, 10), 'task.yaml': PLAIN_TASK });
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/^bomb\.yaml: error: refused: its aliases expand/m);
      if (command === 'requirements') expect(result.out).toMatch(/^task\.yaml: Task\/plain: enable-api-fields: stable$/m);
      else expect(result.err).toMatch(/checked 1 object\(s\).*1 unreadable/);
    }
  });

  it('reports every unreadable path by name with its reason, checks the rest, and exits 1', async () => {
    const { dir } = await cli(['--version']);
    const manifests = join(dir, 'manifests');
    mkdirSync(manifests);
    writeFileSync(join(manifests, 'good.yaml'), PLAIN_TASK);
    symlinkSync('loop-b.yaml', join(manifests, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(manifests, 'loop-b.yaml'));
    symlinkSync('nowhere.yaml', join(manifests, 'dangling.yaml'));
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(manifests, 'linked-dir.yaml'));
    // Never opened (only regular files are), so it cannot block the test.
    execFileSync('mkfifo', [join(manifests, 'pipe.yaml')]);
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(tektonCatalog, ['check', 'manifests', 'manifests/loop-a.yaml', 'missing.yaml'], { out: (line) => out.push(line), err: (line) => err.push(line), cwd: dir });
    expect(code).toBe(1);
    expect(out).toEqual(expect.arrayContaining([
      'manifests/loop-a.yaml: error: a loop of symbolic links',
      'manifests/loop-b.yaml: error: a loop of symbolic links',
      'manifests/dangling.yaml: error: no such file or directory',
      'manifests/linked-dir.yaml: error: a directory, not a file',
      'manifests/pipe.yaml: error: not a regular file (a FIFO, socket or device)',
      'missing.yaml: error: no such file or directory',
    ]));
    expect(err.join('\n')).toMatch(/checked 1 object\(s\) at "enable-api-fields: beta": 0 rejected, 7 unreadable/);
    expect([...out, ...err].join('\n')).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('--set and config files with prototype keys', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('refuses --set %s=… as an unknown key', async (key) => {
    const result = await cli(['check', 'task.yaml', '--set', `${key}=alpha`], { 'task.yaml': PLAIN_TASK });
    expect(result.code).toBe(1);
    expect(result.err).toContain(`config: unknown key ${JSON.stringify(key)}`);
  });

  it('refuses a __proto__ key in a config file', async () => {
    const result = await cli(['check', 'task.yaml', '--config', 'flags.json'], { 'task.yaml': PLAIN_TASK, 'flags.json': '{"__proto__": {"enable-api-fields": "alpha"}, "enable-api-fields": "beta"}' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('config: unknown key "__proto__"');
  });
});

describe('one nesting limit in check and requirements', () => {
  const nestedPipeline = (levels: number): string => {
    let spec: unknown = { tasks: [{ name: 'leaf', taskRef: { name: 't' } }] };
    for (let i = 0; i < levels; i++) spec = { tasks: [{ name: `l${i}`, pipelineSpec: spec }] };
    return JSON.stringify({ apiVersion: 'tekton.dev/v1', kind: 'Pipeline', metadata: { name: 'deep' }, spec });
  };

  it('admits 41 levels of embedded pipelines at alpha and refuses 43, whatever the level', async () => {
    expect((await cli(['check', 'p.json', '--api-fields', 'alpha'], { 'p.json': nestedPipeline(41) })).code).toBe(0);
    const check = await cli(['check', 'p.json', '--api-fields', 'alpha'], { 'p.json': nestedPipeline(43) });
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/^p\.json: Pipeline\/deep: spec(\.tasks\[0\]\.pipelineSpec){42}\.tasks\[0\]: nests deeper than 128 levels/);
    const needs = await cli(['requirements', 'p.json'], { 'p.json': nestedPipeline(43) });
    expect(needs.code).toBe(1);
    expect(needs.out).toMatch(/nests deeper than 128 levels.*; no enable-api-fields admits it/);
  });
});
