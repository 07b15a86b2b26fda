import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname } from 'node:path';
import { buildSync, type BuildFailure, type Message } from 'esbuild';
import type { Registry } from '@featuregates/gates';
import { CliError } from '../io';
import { pickCatalog, withEmptyDefaults } from './pick-catalog';
import { assertValidCatalog } from './validate-catalog';

const SCRIPT_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx']);

function located(message: Message): string {
  const where = message.location ? `${message.location.file}:${message.location.line}:${message.location.column + 1}: ` : '';
  return `${where}${message.text}`;
}

/**
 * Bundles a TypeScript, ESM or CommonJS module in memory to CommonJS and evaluates it: the
 * catalog's own files are compiled from source on every run, so a stale `dist/` is never read;
 * packages from node_modules stay external and load through Node from the module's directory.
 */
function evaluateScript(file: string, label: string): unknown {
  let code: string;
  try {
    const result = buildSync({
      entryPoints: [file],
      absWorkingDir: dirname(file),
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      sourcemap: 'inline',
      logLevel: 'silent',
    });
    code = result.outputFiles[0].text;
  } catch (error) {
    const failure = error as BuildFailure;
    const first = failure.errors?.[0];
    throw new CliError(`${label}: cannot compile it: ${first ? located(first) : (error as Error).message}`);
  }
  const module = { exports: {} as unknown };
  try {
    new Function('exports', 'require', 'module', '__filename', '__dirname', code)(module.exports, createRequire(file), module, file, dirname(file));
  } catch (error) {
    throw new CliError(`${label}: loading it threw: ${(error as Error).message ?? String(error)}`);
  }
  return module.exports;
}

function readJson(file: string, label: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`${label}: not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The catalog a module holds, loaded fresh: `file` is absolute, `label` names it in errors
 * (`--catalog src/catalog.ts`). A missing file, a syntax error, a module with no catalog or more
 * than one, and a catalog that does not hold together are each a CliError saying what to fix.
 */
export function loadCatalogModule(file: string, label: string): { registry: Registry; exportName: string } {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new CliError(`${label}: no such file`);
  }
  if (!isFile) throw new CliError(`${label}: not a file; name the module that exports the catalog, e.g. src/catalog.ts`);
  const extension = extname(file);
  let exported: unknown;
  if (extension === '.json') exported = readJson(file, label);
  else if (SCRIPT_EXTENSIONS.has(extension)) exported = evaluateScript(file, label);
  else throw new CliError(`${label}: cannot load a "${extension}" file: a catalog is a .ts, .mts, .cts, .js, .mjs, .cjs or .json module`);
  const picked = pickCatalog(exported);
  if (!picked.ok) throw new CliError(`${label}: ${picked.message}`);
  const registry = withEmptyDefaults(picked.registry);
  assertValidCatalog(registry, label);
  return { registry, exportName: picked.exportName };
}
