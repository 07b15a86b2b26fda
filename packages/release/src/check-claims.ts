/**
 * Holds every claim the per-bundle parts of a release's notes make to the gate model: `evaluate`
 * from @featuregates/gates at the bundle's ceiling and defaults (plus the settings a claim names),
 * on an object that sets the claimed YAML path, with the registry rebuilt from the snapshots.
 */
import { evaluate, gatedPaths, kindLabel, levelAdmits, parseConfig, STABILITIES, type GateConfig, type Matcher, type Registry, type Stability } from '@featuregates/gates';
import type { NoteClaim } from './notes-claims';
import { objectAt, registryFromSnapshot } from './rebuild-registry';
import { bundleParts } from './release-notes';
import { snapshotOf } from './snapshot';
import type { ReleaseEvent, Snapshot } from './types';

export type UseDecision = 'admitted' | 'refused' | 'not-a-use';

/** How one use of a feature at a kind's YAML path is decided under a config. */
export function decide(config: GateConfig, feature: string, label: string, path: string, value?: unknown): UseDecision {
  const evaluation = evaluate(objectAt(label, path, value), { config });
  if (evaluation.violations.some((violation) => violation.feature === feature)) return 'refused';
  return evaluation.uses.some((use) => use.feature === feature) ? 'admitted' : 'not-a-use';
}

/** The config of a bundle (its ceiling) with some ConfigMap data, or why the bundle refuses that data. */
export function bundleConfig(registry: Registry, bundle: Stability, data: Readonly<Record<string, string>>): { config?: GateConfig; error?: string } {
  const parsed = parseConfig(registry, { ...data }, { ceiling: bundle });
  if (parsed.config) return { config: parsed.config };
  return { error: parsed.errors.map((issue) => issue.message).join('; ') };
}

const shown = (data: Readonly<Record<string, string>>): string => {
  const entries = Object.entries(data);
  return entries.length === 0 ? 'its defaults' : entries.map(([key, value]) => `${key}: "${value}"`).join(', ');
};

/** Every use path of a feature, as kind label and YAML path. */
const pathsOf = (paths: Record<string, string[]>): [string, string][] => Object.entries(paths).flatMap(([label, list]) => list.map((path): [string, string] => [label, path]));

/** The features (live and removed) a registry knows, by name. */
const featureNames = (snapshot: Snapshot): string[] => [...Object.keys(snapshot.features), ...Object.keys(snapshot.removedFeatures ?? {})];

function pathsIn(snapshot: Snapshot, name: string): Record<string, string[]> {
  return snapshot.features[name]?.paths ?? snapshot.removedFeatures?.[name]?.paths ?? {};
}

export function claimProblems(claim: NoteClaim, bundle: Stability, registry: Registry, from: Snapshot, to: Snapshot): string[] {
  const where = `the ${bundle} bundle`;
  if (claim.claim === 'unchanged') return unchangedProblems(bundle, from, to);
  const data = claim.claim === 'on-by-default' ? {} : claim.config;
  const { config, error } = bundleConfig(registry, bundle, data);
  if (!config) return [`${where}: the notes advise ${shown(data)}, which the bundle refuses: ${error}`];
  if (claim.claim === 'accepted') return [];
  const wanted: UseDecision = claim.claim === 'refused' ? 'refused' : 'admitted';
  const problems: string[] = [];
  for (const [label, path] of pathsOf(claim.paths)) {
    const decision = decide(config, claim.feature, label, path);
    if (decision !== wanted) problems.push(`${where}: the notes say a use of ${claim.feature} at ${label} ${path} is ${claim.claim === 'on-by-default' ? 'on by default' : wanted} under ${shown(data)}, but it is ${decision}`);
  }
  return problems;
}

/** "Nothing changes": every use of every feature the release before knew is decided the same under the bundle's defaults before and after. */
function unchangedProblems(bundle: Stability, from: Snapshot, to: Snapshot): string[] {
  const [before, after] = [registryFromSnapshot(from), registryFromSnapshot(to)];
  const [oldConfig, newConfig] = [bundleConfig(before, bundle, {}).config, bundleConfig(after, bundle, {}).config];
  if (!oldConfig || !newConfig) return [];
  const problems: string[] = [];
  // A feature new in this release gates fields no manifest of the release before could have used: only the known ones count.
  for (const name of featureNames(from).sort()) {
    for (const [label, path] of pathsOf({ ...pathsIn(from, name), ...pathsIn(to, name) })) {
      if (!from.kinds[label] || !to.kinds[label]) continue;
      const [was, is] = [decide(oldConfig, name, label, path), decide(newConfig, name, label, path)];
      if (was !== is) problems.push(`the ${bundle} bundle: the notes say nothing changes, but a use of ${name} at ${label} ${path} was ${was} and is ${is}`);
    }
  }
  return problems;
}

/**
 * Every claim of a release's per-bundle notes that the gate model contradicts, in words; empty
 * when the notes tell the truth. `from` is the release before (an empty snapshot for the first).
 */
export function falseClaims(from: Snapshot, to: Snapshot, events: readonly ReleaseEvent[]): string[] {
  const registry = registryFromSnapshot(to);
  return bundleParts({ to, events }).flatMap(({ bundle, entries, claims }) =>
    [...entries.flatMap((entry) => entry.claims), ...claims].flatMap((claim) => claimProblems(claim, bundle, registry, from, to)),
  );
}

/** A value that counts as a use under a matcher, or undefined for a pattern (no value is derived from a regular expression). */
function valueFor(match: Matcher): unknown {
  if (match.kind === 'present') return 'x';
  if (match.kind === 'nonEmpty') return match.anyOf && match.anyOf.length > 0 ? { [match.anyOf[0]]: ['x'] } : 'x';
  if (match.kind === 'oneOf') return match.values[0];
  return undefined;
}

/** The settings that turn on as much as a bundle allows: the level at the ceiling, every own flag the ceiling admits set to true. */
function permissive(registry: Registry, bundle: Stability): Record<string, string> {
  const data: Record<string, string> = { [registry.apiFieldsKey]: bundle };
  for (const feature of registry.features) {
    if (feature.flag && levelAdmits(bundle, feature.stability)) data[feature.flag] = 'true';
  }
  return data;
}

/**
 * Where the registry rebuilt from a catalog's snapshot decides a use differently from the catalog
 * itself: for every use whose matcher gives a value, at every path, in every bundle, under the
 * bundle's defaults and under its most permissive settings. Empty when they agree.
 */
export function rebuiltDisagreements(registry: Registry): string[] {
  const rebuilt = registryFromSnapshot(snapshotOf(registry, { version: 'unreleased', date: '1970-01-01' }));
  const problems: string[] = [];
  const bundles = (registry.levels ?? STABILITIES).filter((level) => STABILITIES.includes(level));
  for (const bundle of bundles) {
    for (const data of [{}, permissive(registry, bundle)]) {
      const real = bundleConfig(registry, bundle, data).config;
      const copy = bundleConfig(rebuilt, bundle, data).config;
      if (!real || !copy) {
        if (Boolean(real) !== Boolean(copy)) problems.push(`the ${bundle} bundle takes ${shown(data)} in one registry only`);
        continue;
      }
      for (const feature of registry.features) {
        for (const use of feature.uses) {
          const value = valueFor(use.match);
          if (value === undefined) continue;
          for (const { kind, path } of gatedPaths(registry, { ...feature, uses: [use] })) {
            const label = kindLabel(kind);
            const [was, is] = [decide(real, feature.name, label, path, value), decide(copy, feature.name, label, path, value)];
            if (was !== is) problems.push(`the ${bundle} bundle under ${shown(data)}: ${feature.name} at ${label} ${path} is ${was} in the catalog but ${is} rebuilt from its snapshot`);
          }
        }
      }
    }
  }
  return problems;
}
