import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { send, type Reply } from '../../../packages/webhook/src/test-support/https-client';
import { featuregatesBin, workspaceRoot } from '../process';

export { send, type Reply };
export { eventually } from '../../../packages/webhook/src/test-support/eventually';

/** A `featuregates serve` child process on a free loopback port (--port 0), and how to talk to it. */
export interface ServeProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** The CA to trust: the --dev-cert CA, or the one passed in. */
  ca: string;
  /** Every JSON log line so far. */
  logs: Record<string, unknown>[];
  stdout: string[];
  stderr: string[];
  agent: Agent;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply>;
  get(path: string): Promise<Reply>;
  /** Sends a signal and resolves to the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Kills whatever is still running: every suite calls this in afterAll. */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

export interface ServeOptions {
  ca?: string;
  /** What runs `serve`: the installed binary by default, or e.g. `node dist/bundles/alpha/webhook.js`. */
  command?: readonly string[];
  cwd?: string;
  /** Added to this process's environment (e.g. KUBECONFIG). */
  env?: Record<string, string>;
}

export async function startServe(args: string[], options: ServeOptions = {}): Promise<ServeProcess> {
  const [program, ...prefix] = options.command ?? [featuregatesBin, 'serve'];
  const child = spawn(program, [...prefix, ...args, '--port', '0', '--host', '127.0.0.1'], { cwd: options.cwd ?? workspaceRoot, stdio: ['ignore', 'pipe', 'pipe'], ...(options.env ? { env: { ...process.env, ...options.env } } : {}) });
  running.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    running.delete(child);
    resolve(code);
  }));
  const stdout: string[] = [];
  const stderr: string[] = [];
  const logs: Record<string, unknown>[] = [];
  let caPath: string | undefined;
  const listening = new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      stdout.push(line);
      const ca = /^dev CA certificate.*: (\S+)$/.exec(line);
      if (ca) caPath = ca[1];
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      if (entry.msg === 'listening') resolve(entry.port as number);
    });
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => stderr.push(line));
    void exited.then((code) => reject(new Error(`featuregates serve exited ${code} before listening: ${stderr.join('\n')}`)));
    setTimeout(() => reject(new Error(`featuregates serve did not listen within 20 s: ${stderr.join('\n')}`)), 20_000).unref();
  });
  const port = await listening;
  const ca = options.ca ?? readFileSync(resolve(options.cwd ?? workspaceRoot, caPath as string), 'utf8');
  const url = `https://127.0.0.1:${port}`;
  const agent = new Agent({ keepAlive: true, maxSockets: 8, ca });
  return {
    child,
    url,
    port,
    ca,
    logs,
    stdout,
    stderr,
    agent,
    exited,
    post: (path, body, headers = {}) => send(`${url}${path}`, { body, headers, ca, agent }),
    get: (path) => send(`${url}${path}`, { ca, agent }),
    stop: async (signal = 'SIGTERM') => {
      agent.destroy();
      child.kill(signal);
      return exited;
    },
  };
}

let next = 0;

/** An AdmissionReview v1 for an object; its kind comes from the object unless `kind` says otherwise. */
export function review(object: Record<string, unknown> | null, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const source = object ?? (fields.oldObject as Record<string, unknown>);
  const apiVersion = String(source.apiVersion);
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const request = {
    uid: `e2e-${process.pid}-${++next}`,
    kind: { group, version, kind: String(source.kind) },
    resource: { group, version, resource: `${String(source.kind).toLowerCase()}s` },
    namespace: 'default',
    operation: 'CREATE',
    userInfo: { username: 'e2e' },
    object,
    oldObject: null,
    dryRun: false,
    ...fields,
  };
  return { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request };
}

export interface Decision {
  uid: string;
  allowed: boolean;
  status?: { code: number; message: string };
  warnings: string[];
}

/** The response of an answered review; fails the test on anything but 200. */
export function decision(reply: Reply): Decision {
  if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${reply.text.slice(0, 300)}`);
  return (reply.json as { response: Decision }).response;
}
