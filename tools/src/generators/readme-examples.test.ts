/**
 * The README's generator examples ("Releasing: for maintainers"), run as written, in order, one
 * release each, on a fixture catalog of their own: if a generator changes its options or a
 * README line drifts from what the generators take, this fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { addMonths, checkPolicy, diffSnapshots } from '@featuregates/release';
import * as generators from '../index';
import { loadTreeCatalog } from '../load-tree-catalog';
import { cutRelease, FIXTURE, fixtureTree } from '../test-support/workspace';

const root = join(__dirname, '..', '..', '..');
const PLUGIN = '@featuregates/tools:';

interface Schema {
  properties: Record<string, { type?: string; $default?: { $source: string; index: number } }>;
}

/** Words of a shell line: double and single quotes grouped, a trailing comment dropped. */
function words(line: string): string[] {
  const result: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(#.*$)|(\S+)/g;
  for (const match of line.matchAll(pattern)) {
    if (match[3] !== undefined) break;
    result.push(match[1] ?? match[2] ?? match[4]);
  }
  return result;
}

/** Every `npx nx g @featuregates/tools:…` command of the README, continuation lines joined. */
export function readmeCommands(readme: string): string[][] {
  const lines = readme.replace(/\\\n\s*/g, '').split('\n');
  return lines.filter((line) => line.startsWith(`npx nx g ${PLUGIN}`)).map((line) => words(line).slice(3));
}

const camel = (name: string): string => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** A command's options as Nx hands them to the generator: positionals by the schema's argv indexes, --kebab-case as camelCase. */
function optionsOf(name: string, args: string[]): Record<string, unknown> {
  const schema = JSON.parse(readFileSync(join(__dirname, name, 'schema.json'), 'utf8')) as Schema;
  const positional = Object.entries(schema.properties).filter(([, property]) => property.$default?.$source === 'argv').sort(([, a], [, b]) => (a.$default?.index ?? 0) - (b.$default?.index ?? 0));
  const options: Record<string, unknown> = {};
  let index = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      const slot = positional[index++];
      if (!slot) throw new Error(`${name}: unexpected argument "${arg}"`);
      options[slot[0]] = arg;
      continue;
    }
    const [flag, inline] = arg.slice(2).split(/=(.*)/s);
    const key = camel(flag);
    const property = schema.properties[key];
    if (!property) throw new Error(`${name}: the schema has no option --${flag}`);
    if (property.type === 'boolean') options[key] = inline === undefined ? true : inline === 'true';
    else options[key] = inline ?? args[++i];
  }
  return options;
}

const factories: Record<string, (tree: Tree, options: never) => void> = {
  feature: generators.featureGenerator,
  flag: generators.flagGenerator,
  promote: generators.promoteGenerator,
  'api-version': generators.apiVersionGenerator,
  deprecate: generators.deprecateGenerator,
  remove: generators.removeGenerator,
  default: generators.defaultGenerator,
  'level-default': generators.levelDefaultGenerator,
};

const commands = readmeCommands(readFileSync(join(root, 'README.md'), 'utf8'));

describe("the README's generator examples", () => {
  it('show every generator the plugin has', () => {
    const plugin = JSON.parse(readFileSync(join(root, 'tools', 'generators.json'), 'utf8')) as { generators: Record<string, unknown> };
    const shown = new Set(commands.map(([target]) => target.slice(PLUGIN.length)));
    expect([...shown].sort()).toEqual(Object.keys(plugin.generators).sort());
    expect(Object.keys(factories).sort()).toEqual(Object.keys(plugin.generators).sort());
  });

  it('run as written, in order, each in a release of its own 13 months after the last, and reach the lifecycle they describe', () => {
    const tree = fixtureTree('readme-catalog');
    commands.forEach(([target, ...args], step) => {
      const name = target.slice(PLUGIN.length);
      const date = addMonths('2027-02-15', 13 * step);
      const options = { ...optionsOf(name, args), ...FIXTURE, date };
      try {
        factories[name](tree, options as never);
      } catch (error) {
        throw new Error(`README step ${step + 1} (nx g ${target} ${args.join(' ')}) on ${date}: ${(error as Error).message}`);
      }
      cutRelease(tree, `1.${step + 1}.0`, date);
    });
    const { registry } = loadTreeCatalog(tree, FIXTURE.catalogDir);
    expect(registry.removedFeatures?.map((feature) => feature.name)).toEqual(['step-cache']);
    expect(registry.tombstones.map((tombstone) => tombstone.key)).toEqual(['enable-step-cache']);
    expect(registry.flags.find((flag) => flag.key === 'enable-fast-clone')).toMatchObject({ stability: 'stable', default: true });
    expect(registry.defaultLevel).toBe('stable');
    expect(registry.kinds.map((kind) => `${kind.version} ${kind.kind}`)).toContain('v1 StepAction');
  });

  it('each release passes the policy against the one before', () => {
    const tree = fixtureTree('readme-catalog');
    let previous = JSON.parse(tree.read(`${FIXTURE.releases}/1.0.0/features.json`, 'utf-8') ?? '{}');
    commands.forEach(([target, ...args], step) => {
      const name = target.slice(PLUGIN.length);
      const date = addMonths('2027-02-15', 13 * step);
      factories[name](tree, { ...optionsOf(name, args), ...FIXTURE, date } as never);
      const next = cutRelease(tree, `1.${step + 1}.0`, date);
      expect({ step: step + 1, violations: checkPolicy(previous, next, diffSnapshots(previous, next)) }).toEqual({ step: step + 1, violations: [] });
      previous = next;
    });
  });
});
