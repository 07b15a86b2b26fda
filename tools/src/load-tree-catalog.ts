/**
 * Loads the catalog a generator is editing, from the Nx tree (so from the edited, unsaved
 * files): each `.ts` file of the catalog directory is transpiled to CommonJS into a scratch
 * directory inside the workspace (so `@featuregates/*` imports resolve) and required.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as ts from 'typescript';
import type { Tree } from '@nx/devkit';
import type { Registry } from '@featuregates/gates';
import { registryIn } from '@featuregates/release';
import { catalogFiles } from './catalog-source';

export interface LoadedCatalog {
  registry: Registry;
  /** The file (without `.ts`) that declares the registry, relative to the catalog directory. */
  module: string;
  /** The name it is exported as. */
  exportName: string;
}

/** The workspace this code runs in: scratch files go to its `tmp/`. */
function workspaceRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export function loadTreeCatalog(tree: Tree, dir: string): LoadedCatalog {
  const scratchRoot = join(workspaceRoot(), 'tmp');
  mkdirSync(scratchRoot, { recursive: true });
  const scratch = mkdtempSync(join(scratchRoot, 'catalog-'));
  try {
    const files = catalogFiles(tree, dir);
    for (const file of files) {
      const output = ts.transpileModule(tree.read(file, 'utf-8') ?? '', {
        fileName: file,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      writeFileSync(join(scratch, file.slice(dir.length + 1).replace(/\.ts$/, '.js')), output.outputText);
    }
    const modules = files.map((file) => file.slice(dir.length + 1).replace(/\.ts$/, '')).sort((a, b) => Number(a === 'index') - Number(b === 'index'));
    for (const module of modules) {
      const exported = require(join(scratch, `${module}.js`)) as Record<string, unknown>;
      const registry = registryIn(exported);
      if (!registry) continue;
      const exportName = Object.keys(exported).find((name) => exported[name] === registry) ?? 'default';
      return { registry, module, exportName };
    }
    throw new Error(`no module in ${dir} exports a feature registry`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
