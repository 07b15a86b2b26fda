import { didYouMean } from './did-you-mean';
import { catalogProblems as say, deprecationNotice, invalidCatalog, MAX_WARNING_LENGTH } from './messages';
import { compilePattern } from './pattern';
import { formatValue, sameValue } from './parse-config';
import type { ApiFeature, BehaviorFlag, FieldUse, FlagValue, HistoryEntry, Registry } from './registry';
import { isStability, STABILITIES, type Stability } from './stability';

/** One thing wrong with a catalog: `entry` names where (`feature "matrix"`, `flag "coschedule"`, `kind tekton.dev/v1 Task`). */
export interface CatalogProblem {
  entry: string;
  message: string;
}

/** Thrown for a catalog that cannot be loaded; `problems` lists every one, not only the first. */
export class CatalogError extends Error {
  readonly problems: readonly CatalogProblem[];
  constructor(catalog: string, problems: readonly CatalogProblem[]) {
    super(invalidCatalog(catalog, problems));
    this.name = 'CatalogError';
    this.problems = problems;
  }
}

const quote = (value: string): string => JSON.stringify(value);
const featureEntry = (name: string) => `feature ${quote(name)}`;
const flagEntry = (key: string) => `flag ${quote(key)}`;
const removedEntry = (name: string) => `removed feature ${quote(name)}`;
const typeEntry = (name: string) => `type ${quote(name)}`;
const kindEntry = (kind: { group: string; version: string; kind: string }) => `kind ${kind.group ? `${kind.group}/` : ''}${kind.version} ${kind.kind}`;

/** Names that appear more than once, each with its count, in one pass. */
function repeated(names: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const [name, count] of counts) if (count === 1) counts.delete(name);
  return counts;
}

const SUGGESTION_BUDGET = 20;
const RELEASE = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Negative when release `a` is earlier; undefined when either is not a version (then only dates order them). */
function compareReleases(a: string, b: string): number | undefined {
  const left = RELEASE.exec(a);
  const right = RELEASE.exec(b);
  if (!left || !right) return undefined;
  for (let i = 1; i <= 3; i++) {
    const order = Number(left[i] ?? 0) - Number(right[i] ?? 0);
    if (order !== 0) return order;
  }
  return 0;
}

function historyProblems(history: readonly HistoryEntry[]): string[] {
  const problems: string[] = [];
  let lastRelease: string | undefined;
  let lastDate: string | undefined;
  history.forEach((entry, index) => {
    if (lastRelease !== undefined && (compareReleases(entry.release, lastRelease) ?? 0) < 0) {
      problems.push(say.historyOutOfOrder('release', index, entry.release, lastRelease));
    }
    lastRelease = entry.release;
    if (entry.date === undefined) return;
    if (!DATE.test(entry.date) || Number.isNaN(Date.parse(entry.date))) {
      problems.push(say.badDate(index, entry.date));
      return;
    }
    if (lastDate !== undefined && entry.date < lastDate) problems.push(say.historyOutOfOrder('date', index, entry.date, lastDate));
    lastDate = entry.date;
  });
  return problems;
}

function pathProblem(where: string, path: string): string | undefined {
  for (const segment of path.split('.')) {
    const name = segment.endsWith('[]') ? segment.slice(0, -2) : segment;
    if (!name || name.includes('[') || name.includes(']') || name === '__proto__' || name === 'constructor' || name === 'prototype') {
      return say.badPath(where, path, segment);
    }
  }
  return undefined;
}

function defaultProblem(flag: BehaviorFlag): string | undefined {
  const value = flag.default;
  const values = flag.values;
  switch (flag.type) {
    case 'bool':
      return typeof value === 'boolean' ? undefined : say.badDefault(String(value), 'true or false');
    case 'enum':
      if (typeof value !== 'string') return say.badDefault(String(value), 'a string');
      return values && !values.includes(value) ? say.badDefault(value, `one of its values (${values.map(quote).join(', ')})`) : undefined;
    case 'int': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return say.badDefault(String(value), 'an integer');
      const outside = (flag.min !== undefined && value < flag.min) || (flag.max !== undefined && value > flag.max);
      return outside ? say.badDefault(String(value), `within its bounds (${flag.min ?? '-∞'} to ${flag.max ?? '∞'})`) : undefined;
    }
    case 'string':
      return typeof value === 'string' ? undefined : say.badDefault(String(value), 'a string');
    case 'list': {
      if (!Array.isArray(value)) return say.badDefault(String(value), 'a list');
      const allowed = values ? new Set(values) : undefined;
      const bad = allowed ? (value as readonly string[]).find((item) => !allowed.has(item)) : undefined;
      return bad !== undefined ? say.badDefault(bad, `one of its values (${values?.map(quote).join(', ')})`) : undefined;
    }
  }
}

function dateProblem(field: string, date: string | undefined): string | undefined {
  return date === undefined || (DATE.test(date) && !Number.isNaN(Date.parse(date))) ? undefined : say.noticeDate(field, date);
}

/** An announced default must be a value the flag takes, and not the one it has. */
function defaultChangeProblem(flag: BehaviorFlag, to: FlagValue): string | undefined {
  // A list flag's new default is written as its ConfigMap text, comma-separated.
  const value = flag.type === 'list' && typeof to === 'string' ? (to === '' ? [] : to.split(',')) : to;
  if (sameValue(value, flag.default)) return say.defaultChangeShipped('defaultChange', formatValue(to));
  const problem = defaultProblem({ ...flag, default: value });
  return problem === undefined ? undefined : say.defaultChangeBadValue('defaultChange', formatValue(to), wantedOf(flag));
}

function wantedOf(flag: BehaviorFlag): string {
  switch (flag.type) {
    case 'bool':
      return 'true or false';
    case 'int':
      return `an integer within its bounds (${flag.min ?? '-∞'} to ${flag.max ?? '∞'})`;
    case 'string':
      return 'a string';
    case 'enum':
      return `one of its values (${(flag.values ?? []).map(quote).join(', ')})`;
    case 'list':
      return flag.values ? `a list of its values (${flag.values.map(quote).join(', ')})` : 'a list';
  }
}

/** The values `valueStability` may name for a flag, or undefined when any value may be named. */
function nameableValues(flag: BehaviorFlag): readonly string[] | undefined {
  if (flag.type === 'bool') return ['true', 'false'];
  if (flag.type === 'enum' || flag.type === 'list') return flag.values;
  return undefined;
}

/**
 * Every problem of a catalog, in one pass over it (time and memory linear in its size): references
 * to types, features and flags that do not exist, duplicate names and keys, defaults the flag
 * itself would refuse, patterns that do not compile, history out of order, levels used but not
 * declared, removed features that clash with live ones or keep a live flag, and announced dates or
 * default changes that cannot be right. An empty list means the catalog loads.
 */
export function validateCatalog(registry: Registry): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const add = (entry: string, message: string | undefined) => {
    if (message !== undefined) problems.push({ entry, message });
  };

  // Levels: declared ones, then every place a level is used. Kinds are exempt: a kind's stability
  // is its CRD version's maturity (Triggers ships v1beta1 kinds with only stable and alpha levels).
  let declared: readonly Stability[] = STABILITIES;
  if (registry.levels !== undefined) {
    if (registry.levels.length === 0) add('levels', say.levelsEmpty());
    const seen = new Set<string>();
    for (const level of registry.levels) {
      if (!isStability(level)) add('levels', say.levelUnknown(level));
      else if (seen.has(level)) add('levels', say.levelTwice(level));
      seen.add(level);
    }
    const known = registry.levels.filter(isStability);
    if (known.length > 0) declared = known;
  }
  const declaredSet = new Set<string>(declared);
  const checkLevel = (entry: string, field: string, level: unknown) => {
    if (!isStability(level)) add(entry, say.stabilityUnknown(field, level));
    else if (!declaredSet.has(level)) add(entry, say.levelUndeclared(field, level, declared));
  };
  checkLevel('defaultLevel', 'defaultLevel', registry.defaultLevel);
  for (const message of historyProblems(registry.apiFieldsHistory)) add('apiFieldsHistory', message);

  // The type graph.
  const typeNames = Object.keys(registry.types);
  const typeSet = new Set(typeNames);
  // A suggestion costs a comparison with every type, so only the first few unknown names get one:
  // a catalog full of broken references is still checked in linear time.
  let suggestions = SUGGESTION_BUDGET;
  const suggestType = (name: string) => (suggestions-- > 0 ? didYouMean(name, typeNames) : undefined);
  for (const type of typeNames) {
    for (const [field, target] of Object.entries(registry.types[type])) {
      add(typeEntry(type), pathProblem('edge', field));
      if (!typeSet.has(target)) add(typeEntry(type), say.unknownTypeEdge(field, target, suggestType(target)));
    }
  }
  for (const [kind, count] of repeated(registry.kinds.map(kindEntry))) add(kind, say.duplicate('kind per group, version and kind', count));
  for (const kind of registry.kinds) {
    if (!typeSet.has(kind.type)) add(kindEntry(kind), say.unknownKindType(kind.type, suggestType(kind.type)));
    if (!isStability(kind.stability)) add(kindEntry(kind), say.stabilityUnknown('stability', kind.stability));
  }

  // Features and flags, and the references between them.
  const featuresByName = new Map<string, ApiFeature>();
  for (const feature of registry.features) featuresByName.set(feature.name, feature);
  const flagsByKey = new Map<string, BehaviorFlag>();
  for (const flag of registry.flags) flagsByKey.set(flag.key, flag);
  for (const [name, count] of repeated(registry.features.map((feature) => feature.name))) add(featureEntry(name), say.duplicate('feature', count));
  for (const [key, count] of repeated(registry.flags.map((flag) => flag.key))) add(flagEntry(key), say.duplicate('flag', count));

  const usesProblems = (entry: string, uses: readonly FieldUse[]) =>
    uses.forEach((use, index) => {
      if (!typeSet.has(use.type)) add(entry, say.unknownUseType(index, use.type, suggestType(use.type)));
      add(entry, pathProblem(`uses[${index}]`, use.path));
      if (use.match.kind === 'pattern') {
        const compiled = compilePattern(use.match.pattern, use.match.flags);
        if (!compiled.ok) add(entry, say.patternDoesNotCompile(index, use.match.pattern, compiled.message));
      }
    });

  for (const feature of registry.features) {
    const entry = featureEntry(feature.name);
    checkLevel(entry, 'stability', feature.stability);
    if (feature.flag !== undefined) {
      const flag = flagsByKey.get(feature.flag);
      if (!flag) add(entry, say.ownFlagMissing(feature.flag));
      else if (flag.type !== 'bool') add(entry, say.ownFlagNotBool(feature.flag, flag.type));
    }
    if (feature.disabledBy) {
      const flag = flagsByKey.get(feature.disabledBy.flag);
      if (!flag) add(entry, say.disabledByUnknown(feature.disabledBy.flag));
      else if (flag.type !== 'list') add(entry, say.disabledByNotList(feature.disabledBy.flag, flag.type));
    }
    usesProblems(entry, feature.uses);
    if (feature.deprecated) {
      add(entry, dateProblem('deprecated.removalNotBefore', feature.deprecated.removalNotBefore));
      // The notice is the admission warning's whole point: it must fit, date included, not be clipped.
      const notice = deprecationNotice(feature.name, feature.deprecated.message, feature.deprecated.removalNotBefore);
      if (notice.length > MAX_WARNING_LENGTH) add(entry, say.noticeTooLong(notice.length, MAX_WARNING_LENGTH, notice.length - MAX_WARNING_LENGTH));
    }
    for (const message of historyProblems(feature.history)) add(entry, message);
  }

  // Removed features: their uses stay resolvable so they are still found, and refused.
  const removed = registry.removedFeatures ?? [];
  const tombstoneKeys = new Set(registry.tombstones.map((tombstone) => tombstone.key));
  for (const [name, count] of repeated(removed.map((feature) => feature.name))) add(removedEntry(name), say.duplicate('removed feature', count));
  for (const feature of removed) {
    const entry = removedEntry(feature.name);
    if (featuresByName.has(feature.name)) add(entry, say.removedNameTaken());
    if (!isStability(feature.stability)) add(entry, say.stabilityUnknown('stability', feature.stability));
    if (feature.flag !== undefined) {
      if (flagsByKey.has(feature.flag)) add(entry, say.removedFlagLive(feature.flag));
      else if (!tombstoneKeys.has(feature.flag)) add(entry, say.removedFlagNoTombstone(feature.flag));
    }
    usesProblems(entry, feature.uses);
    for (const message of historyProblems(feature.history)) add(entry, message);
  }

  const featureNames = [...featuresByName.keys()];
  for (const flag of registry.flags) {
    const entry = flagEntry(flag.key);
    checkLevel(entry, 'stability', flag.stability);
    if (flag.impliedBy !== undefined) checkLevel(entry, 'impliedBy', flag.impliedBy);
    add(entry, defaultProblem(flag));
    if (flag.valueStability) {
      const nameable = nameableValues(flag);
      const nameableSet = nameable ? new Set(nameable) : undefined;
      for (const [value, level] of Object.entries(flag.valueStability)) {
        if (nameable && nameableSet && !nameableSet.has(value)) add(entry, say.valueStabilityUnknown(value, nameable.map(quote).join(', ')));
        checkLevel(entry, `valueStability.${value}`, level);
      }
    }
    if (flag.feature !== undefined) {
      const feature = featuresByName.get(flag.feature);
      if (!feature) add(entry, say.flagFeatureUnknown(flag.feature, suggestions-- > 0 ? didYouMean(flag.feature, featureNames) : undefined));
      else if (feature.flag !== flag.key) add(entry, say.flagFeatureMismatch(flag.feature, feature.flag));
    }
    if (flag.deprecated) add(entry, dateProblem('deprecated.removalNotBefore', flag.deprecated.removalNotBefore));
    if (flag.defaultChange) {
      add(entry, dateProblem('defaultChange.flipNotBefore', flag.defaultChange.flipNotBefore));
      add(entry, defaultChangeProblem(flag, flag.defaultChange.to));
    }
    for (const message of historyProblems(flag.history)) add(entry, message);
  }
  if (registry.levelDefaultChange) {
    const change = registry.levelDefaultChange;
    add('levelDefaultChange', dateProblem('levelDefaultChange.flipNotBefore', change.flipNotBefore));
    checkLevel('levelDefaultChange', 'levelDefaultChange.to', change.to);
    if (change.to === registry.defaultLevel) add('levelDefaultChange', say.defaultChangeShipped('levelDefaultChange', change.to));
  }

  // ConfigMap keys: each means one thing.
  const keyOwner = new Map<string, string>([[registry.apiFieldsKey, 'the level key (`apiFieldsKey`)']]);
  for (const flag of registry.flags) {
    if (flag.key === registry.apiFieldsKey) add(flagEntry(flag.key), say.keyCollides(flag.key, 'the level key (`apiFieldsKey`)'));
    keyOwner.set(flag.key, 'a flag');
  }
  for (const tombstone of registry.tombstones) {
    const owner = keyOwner.get(tombstone.key);
    if (owner) add(`tombstone ${quote(tombstone.key)}`, say.keyCollides(tombstone.key, owner));
    else keyOwner.set(tombstone.key, 'a tombstone');
  }
  for (const alias of registry.aliases) {
    const entry = `alias ${quote(alias.key)}`;
    const owner = keyOwner.get(alias.key);
    if (owner) add(entry, say.keyCollides(alias.key, owner));
    else keyOwner.set(alias.key, 'an alias');
    if (alias.target !== registry.apiFieldsKey && !flagsByKey.has(alias.target)) add(entry, say.aliasTargetUnknown(alias.target));
  }
  return problems;
}

const checked = new WeakMap<Registry, readonly CatalogProblem[]>();

/**
 * Throws a CatalogError listing every problem of a broken catalog. The verdict is kept per
 * catalog object, so loaders may call it on every load at no cost after the first.
 */
export function assertValidCatalog(registry: Registry): void {
  let problems = checked.get(registry);
  if (problems === undefined) {
    problems = validateCatalog(registry);
    checked.set(registry, problems);
  }
  if (problems.length > 0) throw new CatalogError(registry.name, problems);
}
