import type { Tree } from '@nx/devkit';
import { isStability, type RootKind, type Stability } from '@featuregates/gates';
import { appendEntry, locate } from '../../catalog-source';
import { ENTRIES_DIR, kindTest, literal } from '../../entry-tests';
import { kindEntry } from '../../entry-text';
import { finish, pathsFrom, type ReleasePaths } from '../../finish';
import { loadTreeCatalog } from '../../load-tree-catalog';
import { inTransaction } from '../../transaction';
import { releaseDate } from '../../options';

export interface ApiVersionGeneratorSchema extends Partial<ReleasePaths> {
  /** The CRD version, e.g. `v1`, `v1beta1`, `v2alpha1` (not `version`: Nx keeps `--version` for itself). */
  apiVersion: string;
  kind: string;
  /** The API group; by default that of the kind's other versions. */
  group?: string;
  /** The type-graph node of the whole object; by default that of the kind's other versions, else the kind. */
  type?: string;
  /** By default from the version: `v1` stable, `…beta…` beta, `…alpha…` alpha. */
  stability?: Stability;
  date?: string;
}

export function stabilityOfVersion(version: string): Stability {
  if (/^v\d+alpha\d*$/.test(version)) return 'alpha';
  if (/^v\d+beta\d*$/.test(version)) return 'beta';
  if (/^v\d+$/.test(version)) return 'stable';
  throw new Error(`bad version "${version}": want a Kubernetes API version such as v1, v1beta1 or v2alpha1`);
}

/** `nx g @featuregates/tools:api-version`: a kind at a new version, known to the webhook, with its test, changeset and docs. */
export function apiVersionGenerator(tree: Tree, options: ApiVersionGeneratorSchema): void {
  inTransaction(tree, () => generate(tree, options));
}

function generate(tree: Tree, options: ApiVersionGeneratorSchema): void {
  const paths = pathsFrom(options);
  const date = releaseDate(options.date);
  const base = loadTreeCatalog(tree, paths.catalogDir).registry;
  const stability = options.stability ?? stabilityOfVersion(options.apiVersion);
  if (!isStability(stability)) throw new Error(`--stability must be alpha, beta or stable, not "${stability}"`);
  const sibling = base.kinds.find((kind) => kind.kind === options.kind && (!options.group || kind.group === options.group));
  const group = options.group ?? sibling?.group;
  if (group === undefined) throw new Error(`kind ${options.kind} is new to the catalog: pass --group`);
  const kind: RootKind = { group, version: options.apiVersion, kind: options.kind, type: options.type ?? sibling?.type ?? options.kind, stability };
  if (base.kinds.some((entry) => entry.group === group && entry.version === kind.version && entry.kind === kind.kind)) {
    throw new Error(`${group}/${kind.version} ${kind.kind} is already in the catalog`);
  }
  if (!base.types[kind.type]) {
    const types = locate(tree, paths.catalogDir, 'TypeNode');
    tree.write(types.file, appendEntry(types, `${literal(kind.type)}: {}`));
  }
  const kinds = locate(tree, paths.catalogDir, 'RootKind');
  tree.write(kinds.file, appendEntry(kinds, kindEntry(kind)));
  const after = loadTreeCatalog(tree, paths.catalogDir);
  tree.write(`${paths.catalogDir}/${ENTRIES_DIR}/kind-${kind.version}-${kind.kind.toLowerCase()}.test.ts`, kindTest(after, kind, 'api-version'));
  finish(tree, after.registry, paths, date);
}

export default apiVersionGenerator;
