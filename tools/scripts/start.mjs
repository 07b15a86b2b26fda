// `npm start`: the main job on the embedded default. Until the webhook bundles exist, that is the
// offline checker run over the shipped examples at each enable-api-fields level.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'packages', 'cli', 'bin', 'featuregates.js');
for (const level of ['stable', 'beta', 'alpha']) {
  console.log(`\n$ featuregates check examples --api-fields ${level}`);
  spawnSync(process.execPath, [bin, 'check', 'examples', '--api-fields', level], { cwd: root, stdio: 'inherit' });
}
console.log('\n$ featuregates requirements examples');
spawnSync(process.execPath, [bin, 'requirements', 'examples'], { cwd: root, stdio: 'inherit' });
