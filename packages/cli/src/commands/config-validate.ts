import { BUILD_CEILING, parseConfig, type Registry } from '@featuregates/gates';
import { readConfigFile } from '../config-input';
import { EXIT, type Io } from '../io';

/** Validates a ConfigMap (or plain map) the way the webhook will load it. */
export function configValidate(registry: Registry, file: string, output: 'text' | 'json', io: Io): number {
  const result = parseConfig(registry, readConfigFile(file, io.cwd), { ceiling: BUILD_CEILING });
  if (output === 'json') {
    io.out(
      JSON.stringify(
        { file, valid: result.errors.length === 0, level: result.config?.level, ceiling: BUILD_CEILING, errors: result.errors, warnings: result.warnings },
        null,
        2,
      ),
    );
  } else {
    for (const error of result.errors) io.out(`${file}: error: ${error.message}`);
    for (const warning of result.warnings) io.out(`${file}: warning: ${warning.message}`);
    if (result.config) {
      io.out(`${file}: valid: "${registry.apiFieldsKey}" is "${result.config.level}", ${result.config.explicit.size} key(s) set, ${result.warnings.length} warning(s)`);
    } else {
      io.out(`${file}: invalid: ${result.errors.length} error(s); a webhook keeps its last good config rather than load this one`);
    }
  }
  return result.errors.length > 0 ? EXIT.rejected : EXIT.ok;
}
