// An open-loop load at a fixed rate, evenly spaced, for latency at a given throughput.
// autocannon's `overallRate` sends each connection's share of a second back to back when the
// second starts and then waits, so its "1,000 req/s" is a burst at full speed every second and
// its p99 is the burst's queue. Here request i is due at start + i/rate, whatever came back, and
// its latency counts from when it was due (so a stalled server is not hidden by sending less).
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import { pathToFileURL } from 'node:url';

/** Latencies in ms at p50, p99, p99.9 and the maximum, from due time to the last byte of the answer. */
export async function pacedLoad({ url, body, ca, rate, durationS, warmupS = 2, connections = 16 }) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections, ca });
  const payload = Buffer.from(body);
  // The first warmupS seconds open the connections and warm both JITs; they are sent, not counted.
  const warmup = Math.round(rate * warmupS);
  const total = warmup + Math.round(rate * durationS);
  const latencies = [];
  let errors = 0;
  let non2xx = 0;
  const send = (due, counted) =>
    new Promise((resolve) => {
      const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (res) => {
        if (res.statusCode < 200 || res.statusCode >= 300) non2xx++;
        res.on('data', () => {});
        res.on('end', () => {
          if (counted) latencies.push(performance.now() - due);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(payload);
    });

  const start = performance.now() + 50;
  const inFlight = [];
  let next = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + (next * 1000) / rate <= now) {
        inFlight.push(send(start + (next * 1000) / rate, next >= warmup));
        next++;
      }
      if (next < total) setImmediate(tick);
      else resolve();
    };
    tick();
  });
  await Promise.all(inFlight);
  agent.destroy();

  const sorted = latencies.sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const elapsedS = (performance.now() - start) / 1000 - warmupS;
  return { requests: sorted.length, rps: sorted.length / elapsedS, errors, non2xx, p50: at(0.5), p99: at(0.99), p999: at(0.999), max: sorted[sorted.length - 1] };
}

// As a process of its own (`node bench/paced-load.mjs URL BODY_FILE CA_FILE RATE SECONDS`), so that
// the load's own garbage collector pauses are a small heap's, not the benchmark's: prints JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [url, bodyFile, caFile, rate, seconds] = process.argv.slice(2);
  const result = await pacedLoad({ url, body: readFileSync(bodyFile, 'utf8'), ca: readFileSync(caFile), rate: Number(rate), durationS: Number(seconds) });
  console.log(JSON.stringify(result));
}
