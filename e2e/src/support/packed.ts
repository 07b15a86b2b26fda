import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { workspaceRoot } from '../process';

/** Every package we publish, by folder under packages/. */
export const PUBLIC_PACKAGES = ['gates', 'tekton', 'sources', 'webhook', 'behaviors', 'testing', 'release', 'policy', 'cli'] as const;
export type PublicPackage = (typeof PUBLIC_PACKAGES)[number];

export interface PackedPackages {
  dir: string;
  /** Absolute path of each package's tarball. */
  tarballs: Record<PublicPackage, string>;
  /** Each tarball's file list, as `npm pack` reported it. */
  files: Record<PublicPackage, string[]>;
}

const MANIFEST = 'packed.json';

/** What `npm pack` would put in the tarballs: every package.json, and the size and time of every file under each package's dist/ and bin/. */
function fingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stat = statSync(path);
        hash.update(`${relative(workspaceRoot, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  for (const name of PUBLIC_PACKAGES) {
    const root = join(workspaceRoot, 'packages', name);
    hash.update(readFileSync(join(root, 'package.json')));
    for (const extra of ['README.md']) if (existsSync(join(root, extra))) hash.update(readFileSync(join(root, extra)));
    for (const dir of ['dist', 'bin', 'changelog']) walk(join(root, dir));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The public packages packed with `npm pack` from their built dist/, once per build: suites that
 * need tarballs share one set under tmp/packed/<fingerprint>. Packing goes to a private folder that
 * is renamed into place, so two suites packing at once both end up with a complete set.
 */
export function packPublicPackages(): PackedPackages {
  const base = join(workspaceRoot, 'tmp', 'packed');
  const dir = join(base, fingerprint());
  const manifest = join(dir, MANIFEST);
  if (!existsSync(manifest)) {
    const staging = `${dir}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const workspaces = PUBLIC_PACKAGES.flatMap((name) => ['--workspace', `packages/${name}`]);
    const result = spawnSync('npm', ['pack', ...workspaces, '--pack-destination', staging, '--json', '--ignore-scripts'], { cwd: workspaceRoot, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm pack exited ${result.status}:\n${result.stderr}`);
    const reports = JSON.parse(result.stdout) as { name: string; filename: string; files: { path: string }[] }[];
    const packed: PackedPackages = { dir, tarballs: {} as PackedPackages['tarballs'], files: {} as PackedPackages['files'] };
    for (const report of reports) {
      const name = report.name.replace('@featuregates/', '') as PublicPackage;
      packed.tarballs[name] = join(dir, report.filename);
      packed.files[name] = report.files.map((file) => file.path);
    }
    writeFileSync(join(staging, MANIFEST), JSON.stringify(packed, null, 2));
    try {
      renameSync(staging, dir);
    } catch {
      // Another suite got there first with the same packages.
      rmSync(staging, { recursive: true, force: true });
    }
    for (const old of readdirSync(base)) if (!dir.endsWith(old) && !old.includes('.')) rmSync(join(base, old), { recursive: true, force: true });
  }
  return JSON.parse(readFileSync(manifest, 'utf8')) as PackedPackages;
}

/** The environment without what a surrounding `npm test` sets (npm_config_*, npm_package_*), so a nested npm sees only its own project. */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

export interface InstallOptions {
  /** The packages whose tarballs are installed (their @featuregates dependencies must be among them). */
  packages: readonly PublicPackage[];
}

/**
 * Installs tarballs into a project folder outside the workspace, the way a downstream user would:
 * no workspace links; third-party dependencies come from npm's cache when it has them.
 */
export function installTarballs(projectDir: string, packed: PackedPackages, options: InstallOptions): void {
  const tarballs = options.packages.map((name) => packed.tarballs[name]);
  const result = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel', 'error', ...tarballs], {
    cwd: projectDir,
    encoding: 'utf8',
    env: cleanEnv(),
  });
  if (result.status !== 0) throw new Error(`npm install in ${projectDir} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
}
