import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { loadAll } from 'js-yaml';
import { STABILITIES } from '@featuregates/gates';
import { tektonCatalog } from '@featuregates/tekton';
import { buildPolicies } from '@featuregates/policy';
import { MATRIX_PIPELINE, PLAIN_TASK, pipelineWithTasks } from '../../../../e2e/src/support/objects';
// The policy package's differential harness (its own tests run it on fixture catalogs); here on Tekton's.
import { agree, compare, configsOf, describe as explain, objectsOf, oldObjectOf, type Case } from '../../../policy/src/test-support/differential';

const registry = tektonCatalog;
const LISTS = { 'disable-inline-spec': ['', 'taskrun', 'pipelinerun', 'pipeline', 'taskrun,pipelinerun,pipeline', 'pipeline, taskrun', 'taskrun,'] };
const repository = path.join(__dirname, '../../../..');

function examples(): unknown[] {
  const dir = path.join(repository, 'examples');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) => loadAll(readFileSync(path.join(dir, file), 'utf8')))
    .filter((object): object is object => typeof object === 'object' && object !== null);
}


/** Every config the policies read a key of, in the spellings a ConfigMap may hold. */
function configs(): (Record<string, string> | null)[] {
  const out: (Record<string, string> | null)[] = [null];
  for (const level of ['alpha', 'Beta', 'STABLE']) {
    out.push({ 'enable-api-fields': level });
    // Own flags all one way (each flag on its own is drawn by the property test below).
    const own = registry.flags.filter((entry) => entry.feature).map((entry) => entry.key);
    out.push({ 'enable-api-fields': level, ...Object.fromEntries(own.map((key) => [key, 'true'])) });
    out.push({ 'enable-api-fields': level, ...Object.fromEntries(own.map((key) => [key, 'False'])) });
    // Two list values here; the property test below draws all of them.
    for (const list of ['taskrun,pipelinerun,pipeline', 'pipeline, taskrun']) out.push({ 'enable-api-fields': level, 'disable-inline-spec': list });
  }
  return out;
}

describe('differential: generated CEL against evaluate on Tekton\'s catalog', () => {
  // The repository's examples and the objects the e2e suites send.
  const fixed = [...examples(), PLAIN_TASK, MATRIX_PIPELINE, pipelineWithTasks(3, true)];

  for (const ceiling of STABILITIES) {
    const set = buildPolicies(registry, { variant: ceiling });

    test(`${ceiling} bundle: the repository's examples and the e2e objects, under every level and own flag, CREATE and UPDATE`, () => {
      let compared = 0;
      for (const object of fixed) {
        for (const data of configs()) {
          const cases: Case[] = [
            { object, operation: 'CREATE', data },
            { object, oldObject: object, operation: 'UPDATE', data },
            { object, oldObject: oldObjectOf(object, { ...(object as object), spec: {} }, 7), operation: 'UPDATE', data },
          ];
          for (const input of cases) {
            const comparison = compare(registry, set, ceiling, input);
            if (comparison.comparable) compared++;
            if (!agree(comparison)) throw new Error(`disagreement on ${JSON.stringify(input)}\n${explain(comparison)}`);
          }
        }
      }
      expect(compared).toBeGreaterThan(fixed.length * 10);
    });

    test(`${ceiling} bundle: objects drawn from the type graph, to the depth bound and past it`, () => {
      // A bound of 10 segments, which generated objects reach and cross (the default bound is what the examples above run against).
      for (const maxDepth of [10]) {
        const bounded = buildPolicies(registry, { variant: ceiling, maxDepth, ratchetBlocks: { blockSize: 2, blocks: 2 } });
        fc.assert(
          fc.property(objectsOf(registry, maxDepth + 2), objectsOf(registry, maxDepth + 2), configsOf(registry, LISTS), fc.nat(), (object, other, data, seed) => {
            const update = seed % 3 !== 0;
            const old = oldObjectOf(object, { ...(other as object), apiVersion: (object as { apiVersion: string }).apiVersion, kind: (object as { kind: string }).kind }, seed);
            const input: Case = { object, oldObject: update ? old : undefined, operation: update ? 'UPDATE' : 'CREATE', data };
            const comparison = compare(registry, bounded, ceiling, input);
            if (!agree(comparison)) throw new Error(`disagreement on ${JSON.stringify(input)}\n${explain(comparison)}`);
          }),
          { numRuns: 60, seed: 15 },
        );
      }
    });
  }
});
