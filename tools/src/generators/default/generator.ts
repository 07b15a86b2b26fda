import type { Tree } from '@nx/devkit';
import * as ts from 'typescript';
import { formatValue, parseFlagValue, type BehaviorFlag, type DefaultChange } from '@featuregates/gates';
import { flagWindow, type FlagEntry } from '@featuregates/release';
import { applyEdits, entryEdits, findEntry, locate, propertyValue, removePropertyEdit, type TextEdit } from '../../catalog-source';
import { ENTRIES_DIR, flagTest, literal } from '../../entry-tests';
import { finish, pathsFrom, type ReleasePaths } from '../../finish';
import { checkFlip, checkSentence, ownerOf, snapshotsOf, windowEnd, type ShippedAnnouncement } from '../../lifecycle';
import { loadTreeCatalog } from '../../load-tree-catalog';
import { inTransaction } from '../../transaction';
import { releaseDate } from '../../options';

export interface DefaultGeneratorSchema extends Partial<ReleasePaths> {
  /** The flag key. */
  name: string;
  /** Announce: the new default, as a ConfigMap holds it. */
  to?: string;
  /** Announce: what clusters that rely on the default read. */
  message?: string;
  /** Flip the announced default, once the policy allows it. */
  flip?: boolean;
  /** The catalog's release label (the announcement's `since`, the flip's history entry). */
  release?: string;
  /** The date of the release that ships it: the window counts from the announcement's. */
  date?: string;
}

/** An edit that sets a flag's default, whether the entry holds it as a property or as a helper's argument (`bool('k', false, …)`). */
function defaultEdit(entry: ts.Expression, value: string): TextEdit {
  const property = propertyValue(entry, 'default');
  if (property) return { start: property.getStart(), end: property.getEnd(), text: value };
  if (ts.isCallExpression(entry) && entry.arguments.length >= 2 && !ts.isObjectLiteralExpression(entry.arguments[1])) {
    const argument = entry.arguments[1];
    return { start: argument.getStart(), end: argument.getEnd(), text: value };
  }
  throw new Error(`cannot find the default of ${entry.getText().slice(0, 40)}…; flip it by hand`);
}

function flagOf(tree: Tree, dir: string, name: string): BehaviorFlag {
  const { registry } = loadTreeCatalog(tree, dir);
  const flag = registry.flags.find((entry) => entry.key === name);
  if (!flag) {
    const tombstone = registry.tombstones.find((entry) => entry.key === name);
    throw new Error(tombstone ? `flag "${name}" was removed in ${tombstone.removedIn}; it has no default to change` : `no flag "${name}" in the catalog${name === registry.apiFieldsKey ? `: "${name}" is the level key; use @featuregates/tools:level-default` : ''}`);
  }
  const owner = ownerOf(registry, flag);
  if (owner) throw new Error(`flag "${flag.key}" is the own flag of feature "${owner.name}": its default follows the feature's maturity; promote the feature instead`);
  return flag;
}

/**
 * `nx g @featuregates/tools:default`: announces a new default of a behaviour flag
 * (`defaultChange`, with `flipNotBefore` the policy's earliest flip; none for alpha, whose window
 * is one release), or, with `--flip`, flips it once the window allows (sets `default`, drops
 * `defaultChange`, history `default-changed`). Its test is rewritten; changeset and docs follow.
 */
export function defaultGenerator(tree: Tree, options: DefaultGeneratorSchema): void {
  inTransaction(tree, () => generate(tree, options));
}

function generate(tree: Tree, options: DefaultGeneratorSchema): void {
  const paths = pathsFrom(options);
  const date = releaseDate(options.date);
  const release = options.release ?? 'unreleased';
  const flag = flagOf(tree, paths.catalogDir, options.name);
  const base = loadTreeCatalog(tree, paths.catalogDir).registry;
  const { latest, next } = snapshotsOf(tree, base, paths, date);
  const flags = locate(tree, paths.catalogDir, 'BehaviorFlag');
  const entry = findEntry(flags, flag.key);
  if (!entry) throw new Error(`cannot find the entry of "${flag.key}" in ${flags.file}; edit it by hand`);

  if (options.flip) {
    if (options.to !== undefined && !flag.defaultChange) throw new Error(`--flip flips an announced default; announce it first: nx g @featuregates/tools:default ${flag.key} --to ${options.to} --message "…"`);
    const change = flag.defaultChange;
    if (!change) throw new Error(`no default change of "${flag.key}" is announced: announce it first (nx g @featuregates/tools:default ${flag.key} --to VALUE --message "…"), then flip it once its window has run`);
    const to = formatValue(change.to);
    const before = latest?.flags[flag.key] as (FlagEntry & { defaultChange?: ShippedAnnouncement }) | undefined;
    if (latest && before) checkFlip(flag.key, to, change.flipNotBefore, before.defaultChange, flagWindow(before), latest, date);
    const removal = removePropertyEdit(flags.text, entry, 'defaultChange');
    if (!removal) throw new Error(`cannot find the defaultChange of "${flag.key}" in ${flags.file}; flip it by hand`);
    tree.write(flags.file, applyEdits(flags.text, [removal]));
    const edited = locate(tree, paths.catalogDir, 'BehaviorFlag');
    const node = findEntry(edited, flag.key);
    if (!node) throw new Error(`cannot find the entry of "${flag.key}" in ${edited.file}; flip it by hand`);
    const history = literal({ release, date, event: 'default-changed', default: change.to, note: change.message });
    tree.write(edited.file, applyEdits(edited.text, [defaultEdit(node, literal(flag.type === 'list' ? to.split(',').filter(Boolean) : change.to)), ...entryEdits(edited.text, node, [], history)]));
  } else {
    if (flag.defaultChange) {
      throw new Error(`a new default of "${flag.key}" is already announced ("${formatValue(flag.defaultChange.to)}"${flag.defaultChange.flipNotBefore ? `, not before ${flag.defaultChange.flipNotBefore}` : ''}): flip it with --flip once its window has run`);
    }
    if (options.to === undefined) throw new Error(`--to: the new default of "${flag.key}", as a ConfigMap holds it (or --flip to flip an announced one)`);
    const parsed = parseFlagValue(flag, options.to);
    if (!parsed.ok) throw new Error(`bad --to: ${parsed.message}`);
    if (formatValue(parsed.value) === formatValue(flag.default)) throw new Error(`"${formatValue(flag.default)}" is already the default of "${flag.key}"`);
    const message = checkSentence('message', options.message);
    const flipNotBefore = windowEnd(flagWindow(next.flags[flag.key]), date);
    const change: DefaultChange = { to: Array.isArray(parsed.value) ? parsed.value.join(',') : (parsed.value as string | number | boolean), since: release, message, ...(flipNotBefore ? { flipNotBefore } : {}) };
    tree.write(flags.file, applyEdits(flags.text, entryEdits(flags.text, entry, [['defaultChange', literal(change)]])));
  }

  const after = loadTreeCatalog(tree, paths.catalogDir);
  const written = after.registry.flags.find((entry) => entry.key === flag.key);
  if (options.flip ? written?.defaultChange !== undefined || formatValue(written?.default ?? '') === formatValue(flag.default) : !written?.defaultChange) {
    throw new Error(`editing ${flags.file} did not ${options.flip ? 'flip' : 'announce'} the default of "${flag.key}"; edit it by hand`);
  }
  tree.write(`${paths.catalogDir}/${ENTRIES_DIR}/flag-${flag.key}.test.ts`, flagTest(after, flag.key, 'default'));
  finish(tree, after.registry, paths, date);
}

export default defaultGenerator;
