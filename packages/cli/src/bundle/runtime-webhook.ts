// What a bundle's generated webhook.js entry calls. It imports only `serve`, so webhook.js carries
// no other command even when the CLI comes from node_modules as CommonJS, which esbuild cannot
// tree-shake.
import type { Registry } from '@featuregates/gates';
import type { ProjectSettings } from '../project/project-config';
import { staticProject } from '../project/load-project';
import { runProcess } from '../run-process';
import { createServeProgram } from '../serve-program';

/** A bundle's `webhook.js`: `featuregates serve` with the same flags, and no other command. */
export function runBundledWebhook(catalog: Registry, settings: ProjectSettings): void {
  runProcess(createServeProgram, staticProject(catalog, settings), ['serve', ...process.argv.slice(2)]);
}
