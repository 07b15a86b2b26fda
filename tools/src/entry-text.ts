/** The TypeScript source of new catalog entries, written the way the catalog's data files are. */
import type { ApiFeature, BehaviorFlag, RootKind } from '@featuregates/gates';
import { literal } from './entry-tests';

function objectLines(entries: [string, unknown][]): string {
  return ['{', ...entries.filter(([, value]) => value !== undefined).map(([key, value]) => `  ${key}: ${literal(value)},`), '}'].join('\n');
}

export function featureEntry(feature: ApiFeature): string {
  const uses = ['[', ...feature.uses.map((use) => `    ${literal(use)},`), '  ]'].join('\n');
  return objectLines([
    ['name', feature.name],
    ['title', feature.title],
    ['stability', feature.stability],
    ['description', feature.description],
    ['flag', feature.flag],
    ['uses', '\u0000USES'],
    ['history', feature.history],
    ['docs', feature.docs],
  ]).replace(`'\u0000USES'`, uses);
}

export function flagEntry(flag: BehaviorFlag): string {
  return objectLines([
    ['key', flag.key],
    ['type', flag.type],
    ['default', flag.default],
    ['values', flag.values],
    ['min', flag.min],
    ['max', flag.max],
    ['stability', flag.stability],
    ['valueStability', flag.valueStability],
    ['feature', flag.feature],
    ['description', flag.description],
    ['history', flag.history],
  ]);
}

export function kindEntry(kind: RootKind): string {
  return literal(kind);
}
