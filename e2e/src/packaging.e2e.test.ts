/**
 * What a downstream user gets from npm: every public package packed with `npm pack`, linted by
 * publint and @arethetypeswrong/cli, installed from the tarballs into a project outside the
 * workspace, and compiled by a strict consumer under nodenext (ESM and CommonJS), node16 CommonJS
 * and bundler resolution with skipLibCheck off and no @types installed by hand.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from './process';
import { cleanEnv, installTarballs, packPublicPackages, PUBLIC_PACKAGES, type PackedPackages } from './support/packed';

const bin = (name: string) => join(workspaceRoot, 'node_modules', '.bin', name);

/** Runs a command without blocking the event loop; resolves to its exit code and output. */
function exec(command: string, args: readonly string[], cwd: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...cleanEnv(), NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** At most two at a time: the machine this runs on has two cores. */
async function inPairs<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

let packed: PackedPackages;
const consumer = mkdtempSync(join(tmpdir(), 'fg-consumer-'));

beforeAll(() => {
  packed = packPublicPackages();
  cpSync(join(__dirname, '..', 'fixtures', 'strict-consumer'), consumer, { recursive: true });
  installTarballs(consumer, packed, { packages: PUBLIC_PACKAGES });
}, 120_000);

afterAll(() => rmSync(consumer, { recursive: true, force: true }));

describe('the packed public packages', () => {
  it('each ship a README, their built code and types, and no sources or tests', () => {
    for (const name of PUBLIC_PACKAGES) {
      const files = packed.files[name];
      expect(files).toEqual(expect.arrayContaining(['README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts']));
      expect(files.filter((file) => file.startsWith('src/') || /\.test\./.test(file) || file.includes('test-support'))).toEqual([]);
    }
    expect(packed.files.cli).toContain('bin/featuregates.js');
  });

  it('pass publint --strict: no errors, no warnings', async () => {
    const results = await inPairs(PUBLIC_PACKAGES, (name) => exec(bin('publint'), ['run', packed.tarballs[name], '--strict'], workspaceRoot));
    const failures = results.map((result, index) => ({ name: PUBLIC_PACKAGES[index], ...result })).filter((result) => result.status !== 0);
    expect(failures.map((failure) => `${failure.name}:\n${failure.output}`)).toEqual([]);
    for (const result of results) expect(result.output).not.toMatch(/Errors:|Warnings:|Suggestions:/);
  });

  it('pass arethetypeswrong in every resolution mode (node10, node16 from CJS and ESM, bundler)', async () => {
    const result = await exec(process.execPath, [join(__dirname, '..', 'scripts', 'attw-tarballs.mjs'), ...PUBLIC_PACKAGES.map((name) => packed.tarballs[name])], workspaceRoot);
    expect(result.status).toBe(0);
    const reports = JSON.parse(result.output) as { name: string; entrypoints: string[]; problems: unknown[] }[];
    expect(reports.map((report) => report.name).sort()).toEqual(PUBLIC_PACKAGES.map((name) => `@featuregates/${name}`).sort());
    expect(reports.filter((report) => report.problems.length > 0)).toEqual([]);
    expect(reports.find((report) => report.name === '@featuregates/release')?.entrypoints).toContain('./changelog');
  });
});

describe('a strict consumer of the installed tarballs', () => {
  it('installs real copies, not links into the workspace', () => {
    for (const name of PUBLIC_PACKAGES) {
      const dir = join(consumer, 'node_modules', '@featuregates', name);
      expect(existsSync(join(dir, 'README.md'))).toBe(true);
      expect(spawnSync('test', ['-L', dir]).status).not.toBe(0);
    }
  });

  it('has source maps that carry their sources', () => {
    const maps: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.map')) maps.push(join(dir, entry.name));
      }
    };
    for (const name of PUBLIC_PACKAGES) walk(join(consumer, 'node_modules', '@featuregates', name, 'dist'));
    expect(maps.length).toBeGreaterThan(50);
    const withoutSources = maps.filter((file) => {
      const map = JSON.parse(readFileSync(file, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      return map.sourcesContent?.length !== map.sources.length || map.sourcesContent.some((content) => typeof content !== 'string' || content.length === 0);
    });
    expect(withoutSources).toEqual([]);
  });

  it('compiles with strict, skipLibCheck off, under nodenext (ESM and CJS), node16 CommonJS and bundler', async () => {
    const settings = ['nodenext', 'node16', 'bundler'];
    const results = await inPairs(settings, (setting) => exec(process.execPath, [join(workspaceRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', `tsconfig.${setting}.json`], consumer));
    expect(results.map((result, index) => `${settings[index]}: exit ${result.status}\n${result.output}`)).toEqual(settings.map((setting) => `${setting}: exit 0\n`));
    // Nothing by hand: the only @types are those the packages' own dependencies bring.
    expect(JSON.parse(readFileSync(join(consumer, 'package.json'), 'utf8')).devDependencies).toBeUndefined();
    expect(Object.keys(JSON.parse(readFileSync(join(consumer, 'package.json'), 'utf8')).dependencies).sort()).toEqual(PUBLIC_PACKAGES.map((name) => `@featuregates/${name}`).sort());
  }, 180_000);

  it('needs no @types at all for the pure packages: gates, behaviors and testing alone, with types: []', async () => {
    const alone = mkdtempSync(join(tmpdir(), 'fg-alone-'));
    try {
      writeFileSync(join(alone, 'package.json'), JSON.stringify({ name: 'alone', version: '1.0.0', private: true }));
      installTarballs(alone, packed, { packages: ['gates', 'behaviors', 'testing'] });
      expect(existsSync(join(alone, 'node_modules', '@types'))).toBe(false);
      cpSync(join(consumer, 'src', 'catalog.ts'), join(alone, 'catalog.ts'));
      writeFileSync(
        join(alone, 'index.ts'),
        [
          "import { parseConfig } from '@featuregates/gates';",
          "import { createSwitches } from '@featuregates/behaviors';",
          "import { generateMatrix } from '@featuregates/testing';",
          "import { gadgets } from './catalog';",
          'export const level = parseConfig(gadgets, {}).config?.level;',
          "export const shade: 'dark' | 'light' = createSwitches({ catalog: gadgets, source: {} }).snapshot().get('shade');",
          "export const matrix = generateMatrix(gadgets, 'pairwise', { ceiling: 'alpha' });",
          '',
        ].join('\n'),
      );
      const compilerOptions = { strict: true, skipLibCheck: false, module: 'node16', target: 'es2022', lib: ['es2022'], types: [], noEmit: true };
      writeFileSync(join(alone, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['index.ts'] }));
      const result = await exec(process.execPath, [join(workspaceRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], alone);
      expect(result.output).toBe('');
      expect(result.status).toBe(0);
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  }, 120_000);

  it('loads @featuregates/release/changelog as changesets does, and `changeset version` writes its entries', async () => {
    const changesetDir = join(consumer, '.changeset');
    mkdirSync(changesetDir, { recursive: true });
    writeFileSync(join(changesetDir, 'config.json'), JSON.stringify({ changelog: ['@featuregates/release/changelog', {}], commit: false, fixed: [], linked: [], access: 'restricted', baseBranch: 'main', updateInternalDependencies: 'patch', ignore: [] }));
    writeFileSync(join(changesetDir, 'shiny-gadgets-glow.md'), '---\n"strict-consumer": minor\n---\n\nGadgets can glow.\n');
    const git = (...args: string[]) => spawnSync('git', args, { cwd: consumer, encoding: 'utf8', env: { ...cleanEnv(), GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.dev', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.dev' } });
    writeFileSync(join(consumer, '.gitignore'), 'node_modules\n');
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'consumer');
    // Changesets resolves the module from .changeset/ — the packed copy in this project's node_modules.
    const version = await exec(bin('changeset'), ['version'], consumer);
    expect(version.output).not.toContain('Could not resolve changelog generation functions');
    expect(version.status).toBe(0);
    const changelog = readFileSync(join(consumer, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('## 1.1.0');
    expect(changelog).toContain('- Gadgets can glow.');
    // Both module systems see the same two functions and no default export.
    const probe = await exec(
      process.execPath,
      ['--input-type=module', '-e', "import * as esm from '@featuregates/release/changelog'; import { createRequire } from 'node:module'; const cjs = createRequire(process.cwd() + '/')('@featuregates/release/changelog'); console.log(JSON.stringify([typeof esm.getReleaseLine, typeof cjs.getDependencyReleaseLine, 'default' in cjs]));"],
      consumer,
    );
    expect(probe.output.trim()).toBe('["function","function",false]');
  });
});
