import type { Tree } from '@nx/devkit';
import { isStability, type DefaultChange, type Stability } from '@featuregates/gates';
import { levelWindow } from '@featuregates/release';
import { applyEdits, entryEdits, historyEdit, locate, removePropertyEdit } from '../../catalog-source';
import { ENTRIES_DIR, levelTest, literal } from '../../entry-tests';
import { finish, pathsFrom, type ReleasePaths } from '../../finish';
import { checkFlip, checkSentence, levelsOf, snapshotsOf, windowEnd } from '../../lifecycle';
import { loadTreeCatalog } from '../../load-tree-catalog';
import { inTransaction } from '../../transaction';
import { releaseDate } from '../../options';

export interface LevelDefaultGeneratorSchema extends Partial<ReleasePaths> {
  /** Announce: the new default level. */
  to?: Stability;
  /** Announce: what clusters that rely on the default read. */
  message?: string;
  /** Flip the announced default, once the policy allows it. */
  flip?: boolean;
  release?: string;
  date?: string;
}

/**
 * `nx g @featuregates/tools:level-default`: announces a new default of the level key
 * (`levelDefaultChange`, `flipNotBefore` the policy's earliest flip: 12 months when the catalog has
 * a v1 kind, else 9), or, with `--flip`, flips it once the window allows (sets `defaultLevel`, drops
 * the announcement, `apiFieldsHistory` entry `default-changed`), with its test, changeset and docs.
 */
export function levelDefaultGenerator(tree: Tree, options: LevelDefaultGeneratorSchema): void {
  inTransaction(tree, () => generate(tree, options));
}

function generate(tree: Tree, options: LevelDefaultGeneratorSchema): void {
  const paths = pathsFrom(options);
  const date = releaseDate(options.date);
  const release = options.release ?? 'unreleased';
  const base = loadTreeCatalog(tree, paths.catalogDir).registry;
  const key = base.apiFieldsKey;
  const { latest, next } = snapshotsOf(tree, base, paths, date);
  const registry = locate(tree, paths.catalogDir, 'Registry');

  if (options.flip) {
    const change = base.levelDefaultChange;
    if (!change) throw new Error(`no new default of "${key}" is announced: announce it first (nx g @featuregates/tools:level-default --to LEVEL --message "…"), then flip it once its window has run`);
    if (latest) checkFlip(key, change.to, change.flipNotBefore, latest.level.notice, levelWindow(latest, next), latest, date);
    const removal = removePropertyEdit(registry.text, registry.node, 'levelDefaultChange');
    if (!removal) throw new Error(`cannot find levelDefaultChange in ${registry.file}; flip it by hand`);
    tree.write(registry.file, applyEdits(registry.text, [removal]));
    const edited = locate(tree, paths.catalogDir, 'Registry');
    const item = literal({ release, date, event: 'default-changed', default: change.to, note: change.message });
    const history = historyEdit(edited.text, edited.node, item, 'apiFieldsHistory');
    if (!history) throw new Error(`the registry in ${edited.file} has no apiFieldsHistory array literal; flip it by hand`);
    tree.write(edited.file, applyEdits(edited.text, [...entryEdits(edited.text, edited.node, [['defaultLevel', literal(change.to)]]), history]));
  } else {
    if (base.levelDefaultChange) {
      const change = base.levelDefaultChange;
      throw new Error(`a new default of "${key}" is already announced ("${change.to}"${change.flipNotBefore ? `, not before ${change.flipNotBefore}` : ''}): flip it with --flip once its window has run`);
    }
    const levels = levelsOf(base);
    const to = options.to;
    if (!to || !isStability(to) || !levels.includes(to)) throw new Error(`--to: the new default of "${key}", one of its levels (${levels.join(', ')}), not "${to ?? ''}"`);
    if (to === base.defaultLevel) throw new Error(`"${to}" is already the default of "${key}"`);
    const message = checkSentence('message', options.message);
    const flipNotBefore = windowEnd(levelWindow(...(latest ? [latest] : []), next), date);
    const change: DefaultChange<Stability> = { to, since: release, message, ...(flipNotBefore ? { flipNotBefore } : {}) };
    tree.write(registry.file, applyEdits(registry.text, entryEdits(registry.text, registry.node, [['levelDefaultChange', literal(change)]])));
  }

  const after = loadTreeCatalog(tree, paths.catalogDir);
  if (options.flip ? after.registry.levelDefaultChange !== undefined || after.registry.defaultLevel === base.defaultLevel : !after.registry.levelDefaultChange) {
    throw new Error(`editing ${registry.file} did not ${options.flip ? 'flip' : 'announce'} the default of "${key}"; edit it by hand`);
  }
  tree.write(`${paths.catalogDir}/${ENTRIES_DIR}/level-${key}.test.ts`, levelTest(after, 'level-default'));
  finish(tree, after.registry, paths, date);
}

export default levelDefaultGenerator;
