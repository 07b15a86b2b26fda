import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkspacePackage {
  name: string;
  version: string;
  dir: string;
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The directories the root package.json's `workspaces` name (`packages/*`, `tools`). */
function workspaceDirs(root: string): string[] {
  const manifest = readJson(join(root, 'package.json'));
  const field = manifest?.workspaces;
  const patterns = Array.isArray(field) ? field : Array.isArray((field as { packages?: unknown })?.packages) ? (field as { packages: unknown[] }).packages : [];
  const dirs: string[] = [];
  for (const pattern of patterns.filter((entry): entry is string => typeof entry === 'string')) {
    if (pattern.endsWith('/*')) {
      const parent = join(root, pattern.slice(0, -2));
      if (existsSync(parent)) for (const name of readdirSync(parent).sort()) dirs.push(join(parent, name));
    } else {
      dirs.push(join(root, pattern));
    }
  }
  return dirs;
}

/**
 * A package by name: one of the workspace's, or the root package itself (a single-package repo);
 * where it is and its version (what `changeset version` bumps).
 */
export function findWorkspacePackage(root: string, name: string): WorkspacePackage | undefined {
  for (const dir of [...workspaceDirs(root), root]) {
    const manifest = readJson(join(dir, 'package.json'));
    if (manifest?.name === name && typeof manifest.version === 'string') return { name, version: manifest.version, dir };
  }
  return undefined;
}
