// `npm start`: builds the variant bundle (cached by Nx) and serves its webhook on
// https://127.0.0.1:8443 with config/feature-flags.yaml and a dev certificate.
// BUNDLE=stable|beta|alpha picks the variant (alpha by default); PORT the port.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const variant = process.env.BUNDLE ?? 'alpha';
const port = process.env.PORT ?? '8443';
if (!['stable', 'beta', 'alpha'].includes(variant)) {
  console.error(`BUNDLE=${variant}: want stable, beta or alpha`);
  process.exit(2);
}

const nx = join(root, 'node_modules', '.bin', 'nx');
const built = spawnSync(nx, ['run', `bundles:bundle:${variant}`, '--output-style=static'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const certs = join('tmp', 'dev-cert');
const url = `https://127.0.0.1:${port}`;
console.log(`\nserving the ${variant} bundle's webhook on ${url} with config/feature-flags.yaml; Ctrl-C stops it. Try:`);
console.log(`  npx featuregates review examples/beta-pipeline-matrix.yaml --server ${url} --ca ${certs}/ca.pem`);
console.log(`  curl --cacert ${certs}/ca.pem ${url}/features\n`);
const webhook = spawn(
  process.execPath,
  [join('dist', 'bundles', variant, 'webhook.js'), '--config', 'config/feature-flags.yaml', '--dev-cert', certs, '--port', port, '--host', '127.0.0.1'],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => webhook.kill('SIGTERM'));
webhook.on('exit', (code) => process.exit(code ?? 0));
