// `nx run e2e:matrix [--strategy each|pairwise|full]`: runs the e2e suite once per configuration
// of the chosen strategy (default `each`, or MATRIX_STRATEGY), passing each configuration in
// FEATUREGATES_CONFIG, MATRIX_CONCURRENCY suites at a time (default: one per CPU); prints
// configuration × passed/failed/skipped; exits 1 on any failure.
// Writes tmp/test-results/e2e-matrix.json so `npm test`'s closing line counts these runs too.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'packages', 'cli', 'bin', 'featuregates.js');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const scratch = join(root, 'tmp', 'e2e-matrix');

function strategyFrom(argv) {
  const index = argv.findIndex((arg) => arg === '--strategy' || arg.startsWith('--strategy='));
  if (index === -1) return process.env.MATRIX_STRATEGY || 'each';
  return argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
}

function configurations(strategy) {
  const result = spawnSync(process.execPath, [cli, 'matrix', '--strategy', strategy, '--output', 'json'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(result.stderr.trim() || `featuregates matrix --strategy ${strategy} failed`);
    process.exit(result.status || 1);
  }
  return JSON.parse(result.stdout).configurations;
}

/**
 * The e2e suites whose outcome depends on the running configuration: those that read it through
 * @featuregates/testing or FEATUREGATES_CONFIG. The others (webhook and release suites start their
 * own processes with their own configs) would only repeat the same run once per configuration.
 */
function gatedSuites() {
  const dir = join(root, 'e2e', 'src');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.e2e.test.ts'))
    .filter((name) => /requireGates|requireAnyGate|gateTesting|FEATUREGATES_CONFIG/.test(readFileSync(join(dir, name), 'utf8')))
    .map((name) => join(dir, name));
}

/** Runs the configuration-dependent e2e suites under one configuration; resolves to their counts and output. */
function runSuite(configuration, index) {
  const report = join(scratch, `${index}.json`);
  const args = [jest, '--ci', '--runInBand', '--config', join(root, 'e2e', 'jest.config.js'), '--reporters', 'default', '--json', '--outputFile', report, '--runTestsByPath', ...suites];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, FEATUREGATES_CONFIG: JSON.stringify(configuration.flags) } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      let counts = { passed: 0, failed: 0, skipped: 0, suitesFailed: 1 };
      try {
        const results = JSON.parse(readFileSync(report, 'utf8'));
        counts = {
          passed: results.numPassedTests,
          failed: results.numFailedTests,
          skipped: results.numPendingTests + results.numTodoTests,
          suitesFailed: results.numFailedTestSuites + results.numRuntimeErrorTestSuites,
        };
      } catch {
        // no report: jest itself failed; counted as a failed suite
      }
      resolve({ name: configuration.name, code, output, ...counts });
    });
  });
}

async function runAll(list, concurrency) {
  const results = new Array(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const index = next++;
      results[index] = await runSuite(list[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, list.length) }, worker));
  return results;
}

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ')).join('\n');
}

const strategy = strategyFrom(process.argv.slice(2));
const list = configurations(strategy);
const suites = gatedSuites();
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
console.log(`e2e matrix: ${list.length} configurations (strategy ${strategy}) × ${suites.length} configuration-dependent suite(s): ${suites.map((suite) => suite.split('/').pop()).join(', ')}`);
const results = await runAll(list, Number(process.env.MATRIX_CONCURRENCY) || availableParallelism());

const failing = results.filter((result) => result.failed > 0 || result.suitesFailed > 0 || result.code !== 0);
for (const result of failing) console.log(`\n--- ${result.name}: FEATUREGATES_CONFIG=${JSON.stringify(list[results.indexOf(result)].flags)}\n${result.output.trim()}`);

const total = results.reduce((sum, result) => ({ passed: sum.passed + result.passed, failed: sum.failed + result.failed, skipped: sum.skipped + result.skipped, suitesFailed: sum.suitesFailed + result.suitesFailed }), { passed: 0, failed: 0, skipped: 0, suitesFailed: 0 });
const rows = [['configuration', 'passed', 'failed', 'skipped'], ...results.map((result) => [result.name + (failing.includes(result) ? '  ✗' : ''), result.passed, result.failed + result.suitesFailed, result.skipped]), [`total (${results.length} configurations)`, total.passed, total.failed + total.suitesFailed, total.skipped]];
console.log(`\n${table(rows)}`);

const summaryDir = join(root, 'tmp', 'test-results');
mkdirSync(summaryDir, { recursive: true });
writeFileSync(join(summaryDir, 'e2e-matrix.json'), `${JSON.stringify({ project: `e2e-matrix(${strategy})`, ...total })}\n`);
process.exitCode = failing.length > 0 ? 1 : 0;
