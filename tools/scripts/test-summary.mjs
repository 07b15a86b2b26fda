// Closes `npm test` with one line over every project's jest results: "N passed, N failed".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', '..', 'tmp', 'test-results');
let passed = 0;
let failed = 0;
let skipped = 0;
const projects = [];
for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
  const summary = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  passed += summary.passed;
  failed += summary.failed + summary.suitesFailed;
  skipped += summary.skipped;
  projects.push(`${summary.project} ${summary.passed}`);
}
console.log(`projects: ${projects.join(', ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
