/** The TypeScript source of new catalog entries, written the way the catalog's data files are. */
import type { ApiFeature, BehaviorFlag, RootKind } from '@featuregates/gates';
import { literal } from './entry-tests';

/** An object literal, one property a line; a property's source is given as is when it is a `{ source }`. */
function objectLines(entries: [string, unknown][]): string {
  const source = (value: unknown): string => (value !== null && typeof value === 'object' && 'source' in value ? String(value.source) : literal(value));
  return ['{', ...entries.filter(([, value]) => value !== undefined).map(([key, value]) => `  ${key}: ${source(value)},`), '}'].join('\n');
}

export function featureEntry(feature: ApiFeature): string {
  return objectLines([
    ['name', feature.name],
    ['title', feature.title],
    ['stability', feature.stability],
    ['description', feature.description],
    ['flag', feature.flag],
    ['uses', { source: ['[', ...feature.uses.map((use) => `    ${literal(use)},`), '  ]'].join('\n') }],
    ['history', feature.history],
    ['docs', feature.docs],
  ]);
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
