// What a bundle's generated featuregates.js entry calls: the catalog arrives statically, so a
// bundle carries neither esbuild nor a catalog loader. Nothing here may import the loader.
import type { Registry } from '@featuregates/gates';
import { createProgram } from '../program';
import type { ProjectSettings } from '../project/project-config';
import { staticProject } from '../project/load-project';
import { runProcess } from '../run-process';

/** A bundle's `featuregates.js`: every command but `bundle`, for the catalog built in. */
export function runBundledCli(catalog: Registry, settings: ProjectSettings): void {
  runProcess(createProgram, staticProject(catalog, settings), process.argv.slice(2));
}
