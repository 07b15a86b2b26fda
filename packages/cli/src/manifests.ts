import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, join } from 'node:path';
import { MAX_YAML_EXPANDED_NODES } from '@featuregates/gates';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { expandedNodes } from './expanded-size';

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

// An alias (`*name`) and an anchor (`&name`) start after a space, a line start or a flow
// indicator; a file with no such text (globs and `&&` in quoted strings aside) cannot have aliases,
// and is not counted.
const MAY_HAVE_ALIASES = /(?:^|[\s[{,:?-])\*[^\s,[\]{}]/m;
const MAY_HAVE_ANCHORS = /(?:^|[\s[{,:?-])&[^\s,[\]{}]/m;

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

const resolveFrom = (cwd: string, path: string): string => (isAbsolute(path) ? path : join(cwd, path));

/** Why a path cannot be read, in words, from a file system error (the code when it is an unusual one). */
export function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'a directory, not a file';
    case 'EIO':
      return 'input/output error';
    case 'ENOTDIR':
      return 'a path through something that is not a directory';
    default:
      return `cannot be read (${code ?? (error as Error).message})`;
  }
}

/**
 * Files named on the command line, with directories expanded to their manifests (sorted,
 * recursive; symbolic links inside directories are taken as files, never followed as directories).
 * A path that cannot be read is an error naming it, and the others are still listed.
 */
export function expandPaths(paths: readonly string[], cwd: string): { files: string[]; errors: ManifestError[] } {
  const files: string[] = [];
  const errors: ManifestError[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(resolveFrom(cwd, path)).isDirectory();
    } catch (error) {
      errors.push({ file: path, message: unreadableReason(error) });
      continue;
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const stack = [path];
    while (stack.length > 0) {
      const dir = stack.pop() as string;
      let entries;
      try {
        entries = readdirSync(resolveFrom(cwd, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
      } catch (error) {
        errors.push({ file: dir, message: unreadableReason(error) });
        continue;
      }
      const subdirectories: string[] = [];
      for (const entry of entries) {
        const child = join(dir, entry.name);
        if (entry.isDirectory()) subdirectories.push(child);
        else if (MANIFEST_EXTENSIONS.has(extname(entry.name))) files.push(child);
      }
      stack.push(...subdirectories.reverse());
    }
  }
  return { files, errors };
}

/**
 * A manifest file's text; never blocks on a FIFO or a device (only regular files are opened),
 * and never throws: why it cannot be read is the error.
 */
function readManifestText(path: string): { text: string } | { error: string } {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return { error: 'a directory, not a file' };
    if (!stats.isFile()) return { error: 'not a regular file (a FIFO, socket or device)' };
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { error: unreadableReason(error) };
  }
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
  const documents: unknown[] = [];
  try {
    // js-yaml's YAML 1.2 core schema: ten times faster than a full document model on 5 MB
    // files, and timestamps and the like stay strings, as Kubernetes' string fields want.
    loadAll(text, (object) => {
      if (object !== null && object !== undefined) documents.push(object);
    }, { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    const reason = error instanceof RangeError ? 'nesting too deep to read' : `not valid YAML: ${(error as Error).message.split('\n')[0]}`;
    return { objects, errors: [{ file, message: reason }] };
  }
  // Aliases come back as shared references, so a few kilobytes can stand for billions of nodes
  // that every later walk would visit: the expanded size is counted (linear in the nodes parsed)
  // and a file past the budget is refused. A file without aliases never reaches the budget.
  if (MAY_HAVE_ALIASES.test(text) && MAY_HAVE_ANCHORS.test(text)) {
    const budget = Math.max(MAX_YAML_EXPANDED_NODES, text.length);
    const nodes = expandedNodes(documents, budget);
    if (nodes > budget) {
      const what = Number.isFinite(nodes) ? `its aliases expand to more than ${budget.toLocaleString('en-US')} nodes` : 'an alias refers to a node that contains it';
      return { objects, errors: [{ file, message: `refused: ${what}; write the repeated parts out, or split the file` }] };
    }
  }
  documents.forEach(add);
  return { objects, errors };
}

export function readManifests(paths: readonly string[], cwd: string): { objects: ManifestObject[]; errors: ManifestError[] } {
  const objects: ManifestObject[] = [];
  const { files, errors } = expandPaths(paths, cwd);
  for (const file of files) {
    const read = readManifestText(resolveFrom(cwd, file));
    if ('error' in read) {
      errors.push({ file, message: read.error });
      continue;
    }
    const result = parseManifests(file, read.text);
    for (const object of result.objects) objects.push(object);
    for (const error of result.errors) errors.push(error);
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
