import type { BehaviorFlag, Registry } from '@featuregates/gates';

/**
 * How many values the matrix should vary each key of a catalog over under an alpha ceiling, by a
 * rule of its own rather than the matrix's code: every declared level; a bool both ways; every
 * enum value; a list empty and with each item alone; ints and strings not at all; deprecated legacy
 * keys the level forces on not at all. Tests compare
 * the matrix with it, so a release that adds, promotes, deprecates or removes a flag changes both.
 */
export function valueCountsAtAlpha(catalog: Registry): Map<string, number> {
  const counts = new Map<string, number>([[catalog.apiFieldsKey, (catalog.levels ?? ['alpha', 'beta', 'stable']).length]]);
  const countOf = (flag: BehaviorFlag): number => {
    switch (flag.type) {
      case 'bool':
        return 2;
      case 'enum':
        return flag.values?.length ?? 1;
      case 'list':
        return 1 + (flag.values ?? []).filter((item) => !(flag.default as readonly string[]).includes(item)).length;
      case 'int':
      case 'string':
        return 1;
    }
  };
  // A deprecated legacy key the level forces on is left to the level.
  for (const flag of catalog.flags) if (countOf(flag) > 1 && !(flag.deprecated && flag.impliedBy)) counts.set(flag.key, countOf(flag));
  return counts;
}

/** Every combination: the product of the value counts. */
export const fullSizeOf = (counts: ReadonlyMap<string, number>): number => [...counts.values()].reduce((product, count) => product * count, 1);

/** Each level once, then one configuration per other value of each flag. */
export const eachSizeOf = (counts: ReadonlyMap<string, number>, levelKey: string): number =>
  [...counts].reduce((sum, [key, count]) => sum + (key === levelKey ? count : count - 1), 0);
