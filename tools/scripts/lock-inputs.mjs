// Nx runtime input (nx.json "sharedGlobals"): a hash of package-lock.json without the workspace's own
// packages. Every installed dependency's version still changes every task's hash; a release that only
// bumps our own versions does not, since each package's package.json is already an input of its
// project and of its dependents. So after a catalog release, Nx reruns only the projects it touched.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const external = Object.entries(lock.packages ?? {})
  // "" is the root (its devDependencies stay in), "packages/x" a workspace package, and
  // "node_modules/@featuregates/x" the link to one.
  .filter(([path, entry]) => path === '' || (path.includes('node_modules/') && entry.link !== true))
  .map(([path, entry]) => (path === '' ? ['', { ...entry, version: undefined }] : [path, entry]));
process.stdout.write(createHash('sha256').update(JSON.stringify(external)).digest('hex'));
