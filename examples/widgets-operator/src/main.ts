import { switchesFor, plan } from './reconcile';

/** `node dist/main.js '{"paint-finish":"gloss"}'`: prints the plan a reconcile would follow under that ConfigMap data. */
async function main(): Promise<void> {
  const data = JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
  const switches = switchesFor(data, (message) => process.stderr.write(`${message}\n`));
  process.stdout.write(`${JSON.stringify(plan(switches.snapshot()))}\n`);
  await switches.close();
}

void main();
