import type { Tree } from '@nx/devkit';
import { isStability, type ApiFeature, type BehaviorFlag, type FieldUse, type Registry, type Stability } from '@featuregates/gates';
import { appendEntry, locate } from '../../catalog-source';
import { ENTRIES_DIR, featureTest, samplePath } from '../../entry-tests';
import { featureEntry, flagEntry } from '../../entry-text';
import { finish, pathsFrom, type ReleasePaths } from '../../finish';
import { inTransaction } from '../../transaction';
import { loadTreeCatalog } from '../../load-tree-catalog';
import { checkDescription, KEBAB, releaseDate, takenKeys } from '../../options';

export interface FeatureGeneratorSchema extends Partial<ReleasePaths> {
  /** kebab-case name, e.g. `step-cache`. */
  name: string;
  /** The name messages use (Tekton's featureName); defaults to the name. */
  title?: string;
  description: string;
  stability?: 'alpha' | 'beta';
  /** Comma-separated `Type:path` uses, e.g. `Step:cache` or `v1.PipelineTask:cache,v1beta1.PipelineTask:cache`. */
  uses: string;
  match?: 'present' | 'nonEmpty';
  /** An own flag (`enable-step-cache`): a bool that decides when set. */
  flag?: string;
  /** The catalog's release label for the history entry. */
  release?: string;
  docsUrl?: string;
  /** Release date for the changesets (deprecation windows); today by default. */
  date?: string;
}

export function parseUses(text: string, registry: Registry, match: FieldUse['match']): FieldUse[] {
  const uses = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon <= 0 || colon === part.length - 1) throw new Error(`bad use "${part}": want Type:path, e.g. Step:cache`);
      return { type: part.slice(0, colon), path: part.slice(colon + 1), match };
    });
  if (uses.length === 0) throw new Error('--uses names no field: want Type:path, e.g. Step:cache');
  for (const use of uses) {
    if (!registry.types[use.type]) throw new Error(`unknown type "${use.type}" in --uses; the catalog's types: ${Object.keys(registry.types).sort().join(', ')}`);
  }
  return uses;
}

/** `nx g @featuregates/tools:feature`: a new alpha (or beta) API feature, its own flag, its test, changeset and docs. */
export function featureGenerator(tree: Tree, options: FeatureGeneratorSchema): void {
  inTransaction(tree, () => generate(tree, options));
}

function generate(tree: Tree, options: FeatureGeneratorSchema): void {
  const paths = pathsFrom(options);
  const stability = (options.stability ?? 'alpha') as Stability;
  if (!isStability(stability) || stability === 'stable') throw new Error(`--stability must be alpha or beta, not "${stability}": a new field starts below stable`);
  if (!KEBAB.test(options.name)) throw new Error(`bad feature name "${options.name}": want kebab-case, e.g. step-cache`);
  const base = loadTreeCatalog(tree, paths.catalogDir).registry;
  if (base.features.some((feature) => feature.name === options.name)) throw new Error(`feature "${options.name}" already exists; promote it with @featuregates/tools:promote`);
  if (options.flag && (!KEBAB.test(options.flag) || takenKeys(base).has(options.flag))) throw new Error(`flag "${options.flag}" is taken or not a kebab-case key`);

  const release = options.release ?? 'unreleased';
  const date = releaseDate(options.date);
  const feature: ApiFeature = {
    name: options.name,
    title: options.title ?? options.name,
    stability,
    description: checkDescription(options.description),
    ...(options.flag ? { flag: options.flag } : {}),
    uses: parseUses(options.uses, base, { kind: options.match ?? 'present' }),
    history: [{ release, date, event: 'introduced', stability }],
    ...(options.docsUrl ? { docs: options.docsUrl } : {}),
  };
  if (!samplePath({ ...base, features: [...base.features, feature] }, feature)) throw new Error(`--uses ${options.uses} reaches no kind of the catalog`);

  const features = locate(tree, paths.catalogDir, 'ApiFeature');
  tree.write(features.file, appendEntry(features, featureEntry(feature)));
  if (options.flag) {
    const flag: BehaviorFlag = {
      key: options.flag,
      type: 'bool',
      default: false,
      stability,
      valueStability: { true: stability },
      feature: options.name,
      description: `Own flag of the "${options.name}" feature: when set, it decides whether ${options.title ?? options.name} is on.`,
      history: [{ release, date, event: 'introduced', stability, default: false }],
    };
    const flags = locate(tree, paths.catalogDir, 'BehaviorFlag');
    tree.write(flags.file, appendEntry(flags, flagEntry(flag)));
  }
  const after = loadTreeCatalog(tree, paths.catalogDir);
  tree.write(`${paths.catalogDir}/${ENTRIES_DIR}/feature-${options.name}.test.ts`, featureTest(after, options.name, 'feature'));
  finish(tree, after.registry, paths, date);
}

export default featureGenerator;
