import fc from 'fast-check';
import { evaluate, parseConfig, STABILITIES, type Registry } from '@featuregates/gates';
import { buildPolicies } from './policies';
import { agree, compare, configsOf, describe as explain, objectsOf, oldObjectOf } from './test-support/differential';
import { overridesLevel, ownFlagDecides } from './test-support/fixtures';

// A small depth bound, so that generated objects reach it and cross it often.
const MAX_DEPTH = 7;
const LISTS = { 'disable-inline': ['', 'gizmorun', 'gizmo,gizmorun', 'gizmo', 'gizmo, gizmorun'] };

/** Does the gate model on this branch decide by the catalog's own-flag rule? (own-flag-decides lands with TEP-0138's change to `evaluate`.) */
function evaluateFollows(registry: Registry): boolean {
  if (registry.ownFlagRule !== 'own-flag-decides') return true;
  const parsed = parseConfig(registry, {}, { ceiling: 'alpha' });
  const object = { apiVersion: 'gizmos.dev/v1', kind: 'Gizmo', metadata: { name: 'x' }, spec: { hooks: ['h'] } };
  return parsed.config !== undefined && !evaluate(object, { config: parsed.config }).allowed;
}

function differential(registry: Registry, runs: number) {
  const follows = evaluateFollows(registry);
  for (const ceiling of STABILITIES) {
    (follows ? test : test.skip)(`${registry.ownFlagRule} catalog, ${ceiling} bundle: the policies decide as evaluate does`, () => {
      const set = buildPolicies(registry, { variant: ceiling, maxDepth: MAX_DEPTH, ratchetBlocks: { blockSize: 2, blocks: 2 } });
      fc.assert(
        fc.property(objectsOf(registry, MAX_DEPTH + 3), objectsOf(registry, MAX_DEPTH + 3), configsOf(registry, LISTS), fc.nat(), (object, other, data, seed) => {
          const update = seed % 3 !== 0;
          const input = { object, oldObject: update ? oldObjectOf(object, { ...(other as object), apiVersion: (object as { apiVersion: string }).apiVersion, kind: (object as { kind: string }).kind }, seed) : undefined, operation: update ? ('UPDATE' as const) : ('CREATE' as const), data };
          const comparison = compare(registry, set, ceiling, input);
          if (!agree(comparison)) throw new Error(`disagreement on ${JSON.stringify(input)}\n${explain(comparison)}`);
        }),
        { numRuns: runs, seed: 20261203 },
      );
    });
  }
}

describe('differential: generated CEL against evaluate on fixture catalogs', () => {
  differential(overridesLevel, 300);
  differential(ownFlagDecides, 300);
});
