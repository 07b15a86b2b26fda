// `npm run bench:bundles`: each variant bundle's size and start-up time, against a bare `node`
// start measured in the same run. Builds nothing: run `npx nx run-many -t bundle` first.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const RUNS = 7;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timeCommand(args, cwd) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

function ready(port) {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/readyz', rejectUnauthorized: false, timeout: 500 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

async function timeToReady(dir, variant, port) {
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [join('b', variant, 'webhook.js'), '--config', 'flags.yaml', '--dev-cert', `certs-${variant}-${port}`, '--port', String(port), '--host', '127.0.0.1'], { cwd: dir, stdio: 'ignore' });
  try {
    for (let i = 0; i < 400; i++) {
      if (await ready(port)) return Number(process.hrtime.bigint() - start) / 1e6;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${variant} webhook not ready in 4 s`);
  } finally {
    child.kill('SIGTERM');
  }
}

const dir = mkdtempSync(join(tmpdir(), 'fg-bench-bundles-'));
cpSync(join(root, 'dist', 'bundles'), join(dir, 'b'), { recursive: true });
writeFileSync(join(dir, 'flags.yaml'), 'enable-api-fields: "stable"\n');
const bare = timeCommand(['-e', '0'], dir);
console.log(`bare node start: ${bare.toFixed(0)} ms (median of ${RUNS}); bundles run from ${dir}, which has no node_modules`);
console.log('variant  webhook.js  featuregates.js  --help ms  ×bare  /readyz ms (median of 3)');
let port = 20000 + Math.floor(Math.random() * 20000);
for (const variant of ['stable', 'beta', 'alpha']) {
  const kib = (file) => (statSync(join(dir, 'b', variant, file)).size / 1024).toFixed(0).padStart(6);
  const help = timeCommand([join('b', variant, 'featuregates.js'), '--help'], dir);
  const readies = [];
  for (let i = 0; i < 3; i++) readies.push(await timeToReady(dir, variant, port++));
  console.log(
    `${variant.padEnd(8)} ${kib('webhook.js')} KiB  ${kib('featuregates.js')} KiB     ${help.toFixed(0).padStart(6)}  ${(help / bare).toFixed(2).padStart(5)}  ${median(readies).toFixed(0).padStart(6)}`,
  );
}
