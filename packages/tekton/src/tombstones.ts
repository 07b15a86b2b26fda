import type { Alias, Tombstone } from '@featuregates/gates';

/**
 * Keys some Tekton release shipped in config-feature-flags.yaml and a later one removed
 * (shared/tekton-catalog.md §8, read at every vX.Y.0 tag from v0.11.0 to v1.15.0).
 */
export const TOMBSTONES: readonly Tombstone[] = [
  { key: 'disable-home-env-overwrite', firstShipped: 'v0.11.0', lastShipped: 'v0.32.0', removedIn: 'v0.33.0', note: 'Tekton no longer overwrites $HOME' },
  { key: 'disable-working-directory-overwrite', firstShipped: 'v0.11.0', lastShipped: 'v0.32.0', removedIn: 'v0.33.0', note: 'Tekton no longer overwrites the working directory' },
  { key: 'disable-affinity-assistant', firstShipped: 'v0.13.0', lastShipped: 'v0.70.0', removedIn: 'v1.0.0', note: 'use "coschedule": "disabled" instead', replacedBy: 'coschedule' },
  { key: 'scope-when-expressions-to-task', firstShipped: 'v0.27.0', lastShipped: 'v0.34.0', removedIn: 'v0.35.0', note: 'when expressions are always scoped to the task' },
  { key: 'resource-verification-mode', firstShipped: 'v0.42.0', lastShipped: 'v0.46.0', removedIn: 'v0.47.0', note: 'use "trusted-resources-verification-no-match-policy"', replacedBy: 'trusted-resources-verification-no-match-policy' },
  { key: 'embedded-status', firstShipped: 'v0.43.0', lastShipped: 'v0.44.0', removedIn: 'v0.45.0', note: 'status is always minimal' },
  { key: 'custom-task-version', firstShipped: 'v0.43.0', lastShipped: 'v0.46.0', removedIn: 'v0.47.0', note: 'custom tasks always run as v1beta1 CustomRuns' },
];

export const ALIASES: readonly Alias[] = [
  { key: 'enforce-nonfalsifiablity', target: 'enforce-nonfalsifiability', note: 'shipped misspelt in v0.45.0–v0.50.0' },
];
