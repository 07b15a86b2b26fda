import { evaluate, type Registry } from '@featuregates/gates';
import { loadConfig, type ConfigOptions } from '../config-input';
import { EXIT, type Io } from '../io';
import { objectLabel, readManifests } from '../manifests';
import { hasUnknownKindErrors, unknownKindLines, unknownKinds, unknownKindsSummary, type UnknownKindsPolicy } from '../unknown-kinds';

export interface CheckOptions extends ConfigOptions {
  output: 'text' | 'json';
  unknownKinds?: UnknownKindsPolicy;
}

/** Evaluates every object in the files as a CREATE, as the webhook would. */
export function check(registry: Registry, paths: readonly string[], options: CheckOptions, io: Io): number {
  const parsed = loadConfig(registry, options, io.cwd);
  if (!parsed.config) {
    for (const error of parsed.errors) io.err(`config: ${error.message}`);
    return EXIT.rejected;
  }
  const config = parsed.config;
  const { objects, errors } = readManifests(paths, io.cwd);
  const results = objects.map((manifest) => ({ manifest, evaluation: evaluate(manifest.object, { config, operation: 'CREATE' }) }));
  const rejected = results.filter((result) => !result.evaluation.allowed).length;
  const unknown = unknownKinds(registry, objects, options.unknownKinds ?? 'auto');

  if (options.output === 'json') {
    io.out(
      JSON.stringify(
        {
          config: { level: config.level, ceiling: config.ceiling, warnings: parsed.warnings.map((w) => w.message) },
          objects: results.map(({ manifest, evaluation }) => ({
            file: manifest.file,
            index: manifest.index,
            object: objectLabel(manifest.object),
            allowed: evaluation.allowed,
            ...(evaluation.skipped ? { skipped: evaluation.skipped } : {}),
            violations: evaluation.violations,
            warnings: evaluation.warnings,
            uses: evaluation.uses,
          })),
          unknownKinds: unknown,
          errors,
        },
        null,
        2,
      ),
    );
  } else {
    for (const warning of parsed.warnings) io.err(`config: warning: ${warning.message}`);
    for (const error of errors) io.out(`${error.file}: error: ${error.message}`);
    for (const { manifest, evaluation } of results) {
      const where = `${manifest.file}: ${objectLabel(manifest.object)}`;
      for (const violation of evaluation.violations) io.out(`${where}: ${violation.path}: ${violation.message}`);
      for (const warning of evaluation.warnings) io.out(`${where}: warning: ${warning}`);
    }
    for (const line of unknownKindLines(unknown)) io.out(line);
    io.err(
      `checked ${results.length} object(s) at "${config.registry.apiFieldsKey}: ${config.level}": ${rejected} rejected` +
        unknownKindsSummary(unknown) +
        (errors.length > 0 ? `, ${errors.length} unreadable` : ''),
    );
  }
  return rejected > 0 || errors.length > 0 || hasUnknownKindErrors(unknown) ? EXIT.rejected : EXIT.ok;
}
