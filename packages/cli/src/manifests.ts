import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, join } from 'node:path';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { CliError } from './io';

export interface ManifestObject {
  file: string;
  /** Position of the document in its file, from 0. */
  index: number;
  object: unknown;
}

export interface ManifestError {
  file: string;
  message: string;
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

const resolveFrom = (cwd: string, path: string): string => (isAbsolute(path) ? path : join(cwd, path));

/** Files named on the command line, with directories expanded to their manifests (sorted, recursive). */
export function expandPaths(paths: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(resolveFrom(cwd, path)).isDirectory();
    } catch {
      throw new CliError(`${path}: no such file or directory`);
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const stack = [path];
    while (stack.length > 0) {
      const dir = stack.pop() as string;
      const entries = readdirSync(resolveFrom(cwd, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
      const subdirectories: string[] = [];
      for (const entry of entries) {
        const child = join(dir, entry.name);
        if (entry.isDirectory()) subdirectories.push(child);
        else if (MANIFEST_EXTENSIONS.has(extname(entry.name))) files.push(child);
      }
      stack.push(...subdirectories.reverse());
    }
  }
  return files;
}

/** A JSON document, or a list of them in a Kubernetes `List`, flattened to objects. */
function flattenLists(object: unknown): unknown[] {
  if (typeof object === 'object' && object !== null && !Array.isArray(object)) {
    const { kind, items } = object as { kind?: unknown; items?: unknown };
    if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(items)) return items;
  }
  return [object];
}

/** Parses one file's text: JSON by extension or leading brace, else multi-document YAML. */
export function parseManifests(file: string, text: string): { objects: ManifestObject[]; errors: ManifestError[] } {
  const objects: ManifestObject[] = [];
  const errors: ManifestError[] = [];
  const add = (object: unknown) => {
    for (const item of flattenLists(object)) objects.push({ file, index: objects.length, object: item });
  };
  const trimmed = text.trimStart();
  if (extname(file) === '.json' || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) parsed.forEach(add);
      else add(parsed);
      return { objects, errors };
    } catch (error) {
      if (extname(file) === '.json') return { objects, errors: [{ file, message: `not valid JSON: ${(error as Error).message}` }] };
    }
  }
  try {
    // js-yaml's YAML 1.2 core schema: ten times faster than a full document model on 5 MB
    // files, and timestamps and the like stay strings, as Kubernetes' string fields want.
    loadAll(text, (object) => {
      if (object !== null && object !== undefined) add(object);
    }, { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    const reason = error instanceof RangeError ? 'nesting too deep to read' : `not valid YAML: ${(error as Error).message.split('\n')[0]}`;
    errors.push({ file, message: reason });
  }
  return { objects, errors };
}

export function readManifests(paths: readonly string[], cwd: string): { objects: ManifestObject[]; errors: ManifestError[] } {
  const objects: ManifestObject[] = [];
  const errors: ManifestError[] = [];
  for (const file of expandPaths(paths, cwd)) {
    const result = parseManifests(file, readFileSync(resolveFrom(cwd, file), 'utf8'));
    objects.push(...result.objects);
    errors.push(...result.errors);
  }
  return { objects, errors };
}

/** `Kind/name` for messages, with placeholders where the object lacks them. */
export function objectLabel(object: unknown): string {
  const record = (typeof object === 'object' && object !== null ? object : {}) as { kind?: unknown; metadata?: { name?: unknown; generateName?: unknown } };
  const kind = typeof record.kind === 'string' ? record.kind : '<no kind>';
  const metadata = typeof record.metadata === 'object' && record.metadata !== null ? record.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : typeof metadata.generateName === 'string' ? `${metadata.generateName}*` : '<no name>';
  return `${kind}/${name}`;
}
