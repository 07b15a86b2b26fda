import { defineFlag, type TypedRegistry } from '@featuregates/gates';
import { tektonCatalog } from '../catalog';

/**
 * TEP-0033's worked example of a behaviour change, as a downstream controller would ship it:
 * workspaces move from `/workspace/NAME` to `/tekton-files/NAME`. Its history is the whole
 * lifecycle the TEP prescribes — introduced off (opt in), the old default deprecated with a
 * warning, the default flipped after the policy's window (twelve months: the kinds are v1) — and
 * `false` stays deprecated, so it still warns, until the key is removed.
 *
 * The releases are the reference controller's own, not Tekton's.
 */
export const workspaceDirRename = defineFlag({
  key: 'workspace-dir-rename',
  type: 'bool',
  default: true,
  stability: 'stable',
  description:
    'Where a Task\'s workspaces are mounted: "/tekton-files/NAME" when true, the legacy "/workspace/NAME" when false. A workspace\'s own mountPath always wins.',
  deprecatedValues: [
    { value: false, message: 'workspaces are mounted at /tekton-files/NAME; refer to them as $(workspaces.NAME.path), then remove the key' },
  ],
  history: [
    { release: 'v0.1.0', date: '2026-09-01', event: 'introduced', default: false, note: 'opt in to /tekton-files with "true"' },
    { release: 'v0.2.0', date: '2026-10-01', event: 'deprecated', note: '"false", the default, is deprecated: it logs a warning' },
    { release: 'v0.8.0', date: '2027-10-04', event: 'default-changed', default: true, note: '"false" keeps /workspace, with a warning' },
  ],
});

type ReferenceFlag = (typeof tektonCatalog.flags)[number] | typeof workspaceDirRename;

/** Tekton's catalog plus the reference controller's own flag: a second catalog, not a fork. */
export const referenceCatalog: TypedRegistry<readonly ReferenceFlag[], 'enable-api-fields'> = {
  ...tektonCatalog,
  name: 'tekton-pipelines-reference',
  flags: [...tektonCatalog.flags, workspaceDirRename],
};

export type ReferenceCatalog = typeof referenceCatalog;
