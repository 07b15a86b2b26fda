import { BUILD_CEILING, parseConfig, type Registry, type Stability } from '@featuregates/gates';
import { allow, deny } from '../admission/response';
import type { AdmissionController } from './admission-controller';

export interface ConfigValidationOptions {
  registry: Registry;
  /** The ConfigMap this route guards; others pass untouched. */
  configMapName: string;
  /** The ceiling the webhook loads configs under; this build's when omitted. */
  ceiling?: Stability;
}

const fieldPath = (key: string): string => (key === '' ? 'data' : `data.${key}`);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `/validate/config`: the feature-flags ConfigMap itself, parsed exactly as the webhook will load
 * it under this build's ceiling, so an unknown key (with a did-you-mean), a bad value or a level
 * above the bundle is refused before it reaches the cluster. Removed keys pass with a warning.
 */
export function configValidation(options: ConfigValidationOptions): AdmissionController {
  const { registry, configMapName } = options;
  const ceiling = options.ceiling ?? BUILD_CEILING;
  return {
    path: '/validate/config',
    admit(request) {
      const { object, kind } = request;
      const isConfigMap = kind.group === '' && kind.version === 'v1' && kind.kind === 'ConfigMap';
      const name = isRecord(object) && isRecord(object.metadata) ? object.metadata.name : request.name;
      if (request.operation === 'DELETE' || request.operation === 'CONNECT' || request.subResource || !isConfigMap || name !== configMapName || !isRecord(object)) {
        return { response: allow(request.uid), uses: [], violations: [] };
      }
      const data = Object.prototype.hasOwnProperty.call(object, 'data') ? object.data : undefined;
      const result = parseConfig(registry, data ?? {}, { ceiling });
      const warnings = result.warnings.map((warning) => `${fieldPath(warning.key)}: ${warning.message}`);
      if (result.errors.length === 0) return { response: allow(request.uid, warnings), uses: [], violations: [] };
      const violations = result.errors.map((error) => `${fieldPath(error.key)}: ${error.message}`);
      return { response: deny(request.uid, violations, warnings), uses: [], violations };
    },
  };
}
