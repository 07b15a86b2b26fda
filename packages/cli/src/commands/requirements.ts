import { projectOf, requirements, type Registry } from '@featuregates/gates';
import { EXIT, type Io } from '../io';
import { objectLabel, readManifests } from '../manifests';
import { hasUnknownKindErrors, unknownKindLines, unknownKinds, unknownKindsSummary, type UnknownKindsPolicy } from '../unknown-kinds';

/**
 * Per object: the least `enable-api-fields` and the own flags it needs, and the removed features it
 * uses (no level admits those: exit 1); objects of kinds the catalog lacks are reported as `policy` says.
 */
export function requirementsCommand(registry: Registry, paths: readonly string[], output: 'text' | 'json', io: Io, policy: UnknownKindsPolicy = 'auto'): number {
  const { objects, errors } = readManifests(paths, io.cwd);
  const unknown = unknownKinds(registry, objects, policy);
  const reported = new Set(unknown.filter((entry) => entry.decision !== 'ignore').map((entry) => `${entry.file}\0${entry.index}`));
  const results = objects
    .filter((manifest) => !reported.has(`${manifest.file}\0${manifest.index}`))
    .map((manifest) => ({ manifest, needs: requirements(registry, manifest.object) }));
  if (output === 'json') {
    io.out(
      JSON.stringify(
        {
          objects: results.map(({ manifest, needs }) => ({ file: manifest.file, index: manifest.index, object: objectLabel(manifest.object), ...needs })),
          unknownKinds: unknown,
          errors,
        },
        null,
        2,
      ),
    );
  } else {
    for (const error of errors) io.out(`${error.file}: error: ${error.message}`);
    const key = registry.apiFieldsKey;
    // Under own-flag-decides (Tekton, TEP-0138) the level never turns an own-flag feature on.
    const orLevel = projectOf(registry).ownFlagRule === 'own-flag-overrides-level';
    for (const { manifest, needs } of results) {
      const where = `${manifest.file}: ${objectLabel(manifest.object)}`;
      if (needs.tooDeep) io.out(`${where}: ${needs.tooDeep.path}: ${needs.tooDeep.message}; no ${key} admits it`);
      for (const removed of needs.removed ?? []) for (const path of removed.paths) io.out(`${where}: ${path}: ${removed.message}; no ${key} admits it`);
      const byLevel = needs.features.filter((feature) => !feature.flag && feature.stability === needs.level).map((feature) => feature.feature);
      io.out(`${where}: ${key}: ${needs.level}${byLevel.length > 0 ? ` (for ${byLevel.join(', ')})` : ''}`);
      for (const flag of needs.flags) io.out(`${where}: ${flag}: "true"${orLevel ? ` (or ${key}: alpha with ${flag} unset)` : ''}`);
      for (const rule of needs.mustNotDisable) io.out(`${where}: ${rule.flag} must not contain "${rule.contains}"`);
    }
    for (const line of unknownKindLines(unknown)) io.out(line);
    if (unknown.length > 0) io.err(`${objects.length} object(s)${unknownKindsSummary(unknown)}`);
  }
  return errors.length > 0 || results.some(({ needs }) => needs.tooDeep || needs.removed) || hasUnknownKindErrors(unknown) ? EXIT.rejected : EXIT.ok;
}
