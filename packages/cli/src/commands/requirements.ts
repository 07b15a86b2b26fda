import { requirements, type Registry } from '@featuregates/gates';
import { EXIT, type Io } from '../io';
import { objectLabel, readManifests } from '../manifests';

/** Per object: the least `enable-api-fields` and the own flags it needs. */
export function requirementsCommand(registry: Registry, paths: readonly string[], output: 'text' | 'json', io: Io): number {
  const { objects, errors } = readManifests(paths, io.cwd);
  const results = objects.map((manifest) => ({ manifest, needs: requirements(registry, manifest.object) }));
  if (output === 'json') {
    io.out(
      JSON.stringify(
        {
          objects: results.map(({ manifest, needs }) => ({ file: manifest.file, index: manifest.index, object: objectLabel(manifest.object), ...needs })),
          errors,
        },
        null,
        2,
      ),
    );
  } else {
    for (const error of errors) io.out(`${error.file}: error: ${error.message}`);
    const key = registry.apiFieldsKey;
    for (const { manifest, needs } of results) {
      const where = `${manifest.file}: ${objectLabel(manifest.object)}`;
      if (needs.tooDeep) io.out(`${where}: ${needs.tooDeep.path}: ${needs.tooDeep.message}; no ${key} admits it`);
      const byLevel = needs.features.filter((feature) => !feature.flag && feature.stability === needs.level).map((feature) => feature.feature);
      io.out(`${where}: ${key}: ${needs.level}${byLevel.length > 0 ? ` (for ${byLevel.join(', ')})` : ''}`);
      for (const flag of needs.flags) io.out(`${where}: ${flag}: "true" (or ${key}: alpha with ${flag} unset)`);
      for (const rule of needs.mustNotDisable) io.out(`${where}: ${rule.flag} must not contain "${rule.contains}"`);
    }
  }
  return errors.length > 0 || results.some(({ needs }) => needs.tooDeep) ? EXIT.rejected : EXIT.ok;
}
