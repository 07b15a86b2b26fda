import type { Tree } from '@nx/devkit';
import { isStability, parseFlagValue, type BehaviorFlag, type FlagType, type Stability } from '@featuregates/gates';
import { appendEntry, locate } from '../../catalog-source';
import { ENTRIES_DIR, flagTest } from '../../entry-tests';
import { flagEntry } from '../../entry-text';
import { finish, pathsFrom, type ReleasePaths } from '../../finish';
import { inTransaction } from '../../transaction';
import { loadTreeCatalog } from '../../load-tree-catalog';
import { checkDescription, KEBAB, releaseDate, takenKeys } from '../../options';

export interface FlagGeneratorSchema extends Partial<ReleasePaths> {
  key: string;
  type?: FlagType;
  /** The default as a ConfigMap would hold it (`false`, `workspaces`, `4096`, `a,b`). */
  default?: string;
  /** Allowed values of an enum or items of a list, comma-separated. */
  values?: string;
  min?: number;
  max?: number;
  stability?: Stability;
  description: string;
  release?: string;
  date?: string;
}

const TYPES: readonly FlagType[] = ['bool', 'enum', 'int', 'string', 'list'];

/** `nx g @featuregates/tools:flag`: a new behaviour flag of the feature-flags ConfigMap, its test, changeset and docs. */
export function flagGenerator(tree: Tree, options: FlagGeneratorSchema): void {
  inTransaction(tree, () => generate(tree, options));
}

function generate(tree: Tree, options: FlagGeneratorSchema): void {
  const paths = pathsFrom(options);
  const date = releaseDate(options.date);
  const type = options.type ?? 'bool';
  const stability = options.stability ?? 'alpha';
  if (!TYPES.includes(type)) throw new Error(`--type must be one of ${TYPES.join(', ')}, not "${type}"`);
  if (!isStability(stability)) throw new Error(`--stability must be alpha, beta or stable, not "${stability}"`);
  if (!KEBAB.test(options.key)) throw new Error(`bad key "${options.key}": want kebab-case, e.g. enable-step-cache`);
  const base = loadTreeCatalog(tree, paths.catalogDir).registry;
  if (takenKeys(base).has(options.key)) throw new Error(`key "${options.key}" is already a flag, tombstone or alias of the catalog: a ConfigMap key is never reused`);
  const values = options.values?.split(',').map((value) => value.trim()).filter(Boolean);
  if ((type === 'enum' || type === 'list') && !values?.length) throw new Error(`a ${type} flag needs --values`);

  const draft: BehaviorFlag = {
    key: options.key,
    type,
    default: '',
    ...(values && (type === 'enum' || type === 'list') ? { values } : {}),
    ...(type === 'int' && options.min !== undefined ? { min: Number(options.min) } : {}),
    ...(type === 'int' && options.max !== undefined ? { max: Number(options.max) } : {}),
    stability,
    description: checkDescription(options.description),
    history: [],
  };
  const raw = options.default ?? (type === 'bool' ? 'false' : type === 'enum' ? (values?.[0] ?? '') : type === 'int' ? String(options.min ?? 0) : '');
  const parsed = parseFlagValue(draft, raw);
  if (!parsed.ok) throw new Error(`bad --default: ${parsed.message}`);
  const nonDefault = type === 'bool' ? [String(parsed.value !== true)] : type === 'enum' ? (values ?? []).filter((value) => value !== parsed.value) : [];
  const flag: BehaviorFlag = {
    ...draft,
    default: parsed.value,
    ...(stability !== 'stable' && nonDefault.length > 0 ? { valueStability: Object.fromEntries(nonDefault.map((value) => [value, stability])) } : {}),
    history: [{ release: options.release ?? 'unreleased', date, event: 'introduced', stability, default: Array.isArray(parsed.value) ? parsed.value.join(',') : (parsed.value as string | number | boolean) }],
  };
  const flags = locate(tree, paths.catalogDir, 'BehaviorFlag');
  tree.write(flags.file, appendEntry(flags, flagEntry(flag)));
  const after = loadTreeCatalog(tree, paths.catalogDir);
  tree.write(`${paths.catalogDir}/${ENTRIES_DIR}/flag-${options.key}.test.ts`, flagTest(after, options.key, 'flag'));
  finish(tree, after.registry, paths, date);
}

export default flagGenerator;
