// `npm run bench:webhook`: autocannon over HTTPS keep-alive on loopback, against the webhook and
// a no-op express server in the same run, with four bodies; then an evenly paced 1,000 req/s run
// against each. Each server runs in its own process; the two are measured in turns, and each
// ratio is the median of the ratios of back-to-back runs, so drift in the machine's speed during
// the run hits both sides of every ratio alike. About two minutes.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import webhook from '../packages/webhook/dist/index.js';
import { BODIES } from './bodies.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DURATION_S = Number(process.env.BENCH_DURATION ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PACED_RATE = 1000;
const PACED_DURATION_S = 5;
const PACED_ROUNDS = 3;
const CONNECTIONS = 16;
// On a machine with two or more cores, the servers get one and autocannon another, so they do not fight.
const PINNED = availableParallelism() >= 2 && spawnSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' }).status === 0;

const dir = mkdtempSync(join(tmpdir(), 'fg-bench-'));
const certs = await webhook.writeDevCertificate(join(dir, 'certs'));
writeFileSync(join(dir, 'flags.yaml'), 'enable-api-fields: "beta"\n');

const SERVERS = {
  webhook: [join(root, 'node_modules/.bin/featuregates'), ['serve', '--config', join(dir, 'flags.yaml'), '--tls-cert', certs.certPath, '--tls-key', certs.keyPath, '--port', '0', '--host', '127.0.0.1']],
  'no-op': [process.execPath, [join(root, 'bench/noop-server.mjs'), certs.certPath, certs.keyPath]],
};

async function start(name) {
  const [command, args] = SERVERS[name];
  const child = PINNED ? spawn('taskset', ['-c', '1', command, ...args], { stdio: ['ignore', 'pipe', 'inherit'] }) : spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('{') && JSON.parse(line).msg === 'listening') resolve(JSON.parse(line).port);
    });
    child.once('exit', (code) => reject(new Error(`${name} exited ${code}`)));
  });
  return { child, url: `https://127.0.0.1:${port}/validate` };
}

const rssMiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
// utime + stime of a process in seconds (Linux clock ticks are 1/100 s); robust where req/s is not, on a busy machine.
const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function cannon(url, body, extra = {}) {
  return autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, duration: DURATION_S, ...extra });
}

/** Both servers up, measured in turns (ours, no-op, ours, …) so that drift in the machine's load hits both alike. */
async function compare(body) {
  const servers = { webhook: await start('webhook'), 'no-op': await start('no-op') };
  try {
    const runs = { webhook: [], 'no-op': [] };
    const cpu = { webhook: { seconds: 0, requests: 0 }, 'no-op': { seconds: 0, requests: 0 } };
    for (const server of Object.values(servers)) await cannon(server.url, body, { duration: 1 }); // warm-up: JIT, TLS sessions
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, server] of Object.entries(servers)) {
        const before = cpuSeconds(server.child.pid);
        const result = await cannon(server.url, body);
        cpu[name].seconds += cpuSeconds(server.child.pid) - before;
        cpu[name].requests += result.requests.total;
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
        runs[name].push(result);
      }
    }
    const summary = (name) => {
      const best = runs[name].find((run) => run.requests.average === median(runs[name].map((item) => item.requests.average)));
      return { rps: best.requests.average, p50: best.latency.p50, p99: best.latency.p99, rss: rssMiB(servers[name].child.pid), cpuUs: (cpu[name].seconds / cpu[name].requests) * 1e6 };
    };
    const pairedRatios = runs.webhook.map((run, round) => run.requests.average / runs['no-op'][round].requests.average);
    return { ours: summary('webhook'), floor: summary('no-op'), ratio: median(pairedRatios), ratioRange: [Math.min(...pairedRatios), Math.max(...pairedRatios)] };
  } finally {
    for (const server of Object.values(servers)) server.child.kill('SIGTERM');
  }
}

function pacedRun(url, bodyFile) {
  const args = [join(root, 'bench/paced-load.mjs'), url, bodyFile, certs.caPath, String(PACED_RATE), String(PACED_DURATION_S)];
  const paced = PINNED ? spawnSync('taskset', ['-c', '0', process.execPath, ...args], { encoding: 'utf8' }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (paced.status !== 0) throw new Error(`the paced load failed: ${paced.stderr}`);
  return JSON.parse(paced.stdout);
}

/** Both servers under the paced load in turns; each figure is the median over the rounds, the max the worst. */
async function fixedRate(body) {
  const bodyFile = join(dir, 'paced-body.json');
  writeFileSync(bodyFile, body);
  const servers = { webhook: await start('webhook'), 'no-op': await start('no-op') };
  try {
    const runs = { webhook: [], 'no-op': [] };
    for (const server of Object.values(servers)) await cannon(server.url, body, { duration: 1 });
    for (let round = 0; round < PACED_ROUNDS; round++) {
      for (const [name, server] of Object.entries(servers)) {
        const result = pacedRun(server.url, bodyFile);
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors at a fixed rate`);
        runs[name].push(result);
      }
    }
    const summary = (results) => ({
      rps: median(results.map((result) => result.rps)),
      p50: median(results.map((result) => result.p50)),
      p99: median(results.map((result) => result.p99)),
      p999: median(results.map((result) => result.p999)),
      max: Math.max(...results.map((result) => result.max)),
      p99s: results.map((result) => result.p99),
    });
    return { webhook: summary(runs.webhook), 'no-op': summary(runs['no-op']) };
  } finally {
    for (const server of Object.values(servers)) server.child.kill('SIGTERM');
  }
}

const rows = [];
// BENCH_BODIES=0,1 measures only those bodies (by index), for quick comparisons while optimising.
const chosen = process.env.BENCH_BODIES ? process.env.BENCH_BODIES.split(',').map(Number) : BODIES.map((_, i) => i);
for (const { name, body } of chosen.map((i) => BODIES[i])) {
  const { ours, floor, ratio, ratioRange } = await compare(body);
  rows.push({ body: `${name} (${(body.length / 1024).toFixed(1)} KiB)`, ours, floor, ratio, ratioRange, cpuRatio: floor.cpuUs / ours.cpuUs });
}
const typical = BODIES[1];
const steady = process.env.BENCH_BODIES ? {} : await fixedRate(typical.body);

const ms = (value) => `${value.toFixed(1)} ms`;
console.log(`\nautocannon, ${CONNECTIONS} keep-alive HTTPS connections on 127.0.0.1, ${ROUNDS} alternating ${DURATION_S} s runs a server, node ${process.version}${PINNED ? ', servers on CPU 1, load on CPU 0' : ''}`);
console.log('req/s, p50 and p99 are the median run\'s; ours/no-op is the median (and range) of the back-to-back runs\' ratios\n');
console.log('| body | server | req/s | p50 | p99 | RSS | server CPU per request | ours/no-op, req/s | ours/no-op, by CPU per request |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  const us = (value) => `${Math.round(value)} µs`;
  console.log(`| ${row.body} | webhook | ${Math.round(row.ours.rps)} | ${ms(row.ours.p50)} | ${ms(row.ours.p99)} | ${row.ours.rss.toFixed(0)} MiB | ${us(row.ours.cpuUs)} | ${row.ratio.toFixed(2)} (${row.ratioRange.map((value) => value.toFixed(2)).join('–')}) | ${row.cpuRatio.toFixed(2)} |`);
  console.log(`| | no-op | ${Math.round(row.floor.rps)} | ${ms(row.floor.p50)} | ${ms(row.floor.p99)} | ${row.floor.rss.toFixed(0)} MiB | ${us(row.floor.cpuUs)} | | |`);
}
if (steady.webhook) {
  const precise = (value) => `${value.toFixed(2)} ms`;
  console.log(`\nevenly paced, ${PACED_RATE} req/s, ${PACED_ROUNDS} alternating ${PACED_DURATION_S} s runs a server (open loop: latency from each request's due time), ${typical.name}; medians over the runs, max the worst:\n`);
  console.log('| server | req/s | p50 | p99 | p99 of each run | p99.9 | max |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [name, result] of Object.entries(steady)) console.log(`| ${name} | ${Math.round(result.rps)} | ${precise(result.p50)} | ${precise(result.p99)} | ${result.p99s.map((value) => value.toFixed(1)).join(', ')} | ${precise(result.p999)} | ${precise(result.max)} |`);
}
