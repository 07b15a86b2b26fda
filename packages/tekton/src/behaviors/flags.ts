import type { Snapshot } from '@featuregates/behaviors';
import type { FlagValue, Registry } from '@featuregates/gates';

/** The values of `coschedule` the reference controller knows how to schedule. */
export const COSCHEDULE_MODES = ['workspaces', 'pipelineruns', 'isolate-pipelinerun', 'disabled'] as const;
export type Coschedule = (typeof COSCHEDULE_MODES)[number];

/**
 * Every key the reference controller reads, with the value it keeps once a release removes the key
 * (the behaviour the removal makes permanent: today's default). The controller types these reads
 * itself instead of taking them from the live catalog's literal types, so a release that removes
 * one of Tekton's keys breaks neither this package's compile nor a caller's: the controller reads
 * the retired value, and behaviors/retired-keys.test.ts holds it to that.
 */
export const RETIRED_VALUES = {
  'disable-creds-init': false,
  'await-sidecar-readiness': true,
  'running-in-environment-with-injected-sidecars': true,
  'set-security-context': false,
  'workspace-dir-rename': true,
  coschedule: 'workspaces',
} as const satisfies Record<string, boolean | Coschedule>;

type Reads = typeof RETIRED_VALUES;
export type ReferenceBoolKey = { [K in keyof Reads]: Reads[K] extends boolean ? K : never }[keyof Reads];

/** What the reference controller reads: one snapshot's answers for its own keys. */
export interface ReferenceFlags {
  enabled(key: ReferenceBoolKey): boolean;
  get(key: 'coschedule'): Coschedule;
}

/** A snapshot of any catalog, as `createSwitches(...).snapshot()` returns it. */
export type AnySnapshot = Pick<Snapshot<Registry>, 'catalog'> & { get(key: string): unknown; enabled(key: string): boolean };

/**
 * The reference controller's view of a snapshot: a key the snapshot's catalog still holds reads
 * from it; a key a release removed reads its retired value.
 */
export function referenceFlagsOf(snapshot: AnySnapshot): ReferenceFlags {
  const holds = (key: string) => snapshot.catalog.flags.some((flag) => flag.key === key);
  return {
    enabled: (key) => (holds(key) ? snapshot.enabled(key) : RETIRED_VALUES[key]),
    get: (key) => (holds(key) ? (snapshot.get(key) as FlagValue as Coschedule) : RETIRED_VALUES[key]),
  };
}
