import { levelAdmits, type Project, type Stability } from '@featuregates/gates';
import { CliError, EXIT } from '../io';

/** One install an installer can choose: its name is its compiled-in ceiling, one of the catalog's levels. */
export interface Variant {
  name: Stability;
  summary: string;
}

const list = (levels: readonly string[], conjunction = 'or'): string =>
  levels.length <= 1 ? levels.join('') : `${levels.slice(0, -1).join(', ')} ${conjunction} ${levels[levels.length - 1]}`;

/** The summary an installer reads in release.yaml and FEATURES.md, from the levels the catalog declares. */
function summaryOf(project: Project, defaultLevel: Stability, ceiling: Stability): string {
  const below = project.levels.filter((level) => !levelAdmits(ceiling, level)).reverse();
  const above = project.levels.filter((level) => level !== 'stable' && levelAdmits(ceiling, level));
  if (ceiling === 'stable') {
    return `Only stable API fields and behaviours; no one, not even an editor of the ${project.configMap.name} ConfigMap, can turn on a${below[0] === 'alpha' ? 'n' : ''} ${list(below)} feature.`;
  }
  const least = project.levels[0];
  if (ceiling === least) return `Everything, opt-in: ${list(above, 'and')} features are off until the ConfigMap turns them on.`;
  return `Stable and ${list(above)} features${ceiling === defaultLevel ? ` (the default level of ${project.displayName})` : ''}; ${list(below)} features cannot be turned on.`;
}

/** The variants a catalog can be bundled as: one per declared level, most stable first. */
export function variantsOf(project: Project, defaultLevel: Stability): Variant[] {
  return [...project.levels].reverse().map((name) => ({ name, summary: summaryOf(project, defaultLevel, name) }));
}

export function variantNamed(project: Project, defaultLevel: Stability, name: string): Variant {
  const variant = variantsOf(project, defaultLevel).find((entry) => entry.name === name);
  if (!variant) {
    throw new CliError(`--variant ${name}: the catalog "${project.id}" declares the levels ${project.levels.join(', ')}; a bundle is one of them`, EXIT.usage);
  }
  return variant;
}
