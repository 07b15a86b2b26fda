import { evaluate, isKnownKind, MAX_NESTING_DEPTH, type ConfigSource, type ConfigState, type Evaluation, type GateConfig, type Registry } from '@featuregates/gates';
import { allow, deny } from '../admission/response';
import type { AdmissionRequest } from '../admission/review';
import type { Admission, AdmissionController } from './admission-controller';

export interface ResourceValidationOptions {
  registry: Registry;
  source: ConfigSource;
  /**
   * Re-read the source once before rejecting because a feature is off, so a change applied a
   * moment ago is honoured (for a cluster-backed source, whose watch may lag).
   */
  refreshBeforeDeny: boolean;
}

const NOT_GATED: ReadonlySet<string> = new Set(['DELETE', 'CONNECT']);

/**
 * The webhook follows gated fields MAX_NESTING_DEPTH path segments deep before refusing an object
 * (real Tekton objects nest a few dozen); it is defined in @featuregates/gates, so `check` and
 * `requirements` refuse the same objects.
 */
function decide(request: AdmissionRequest, config: GateConfig): Evaluation {
  return evaluate(request.object, { config, operation: request.operation, oldObject: request.oldObject, kind: request.kind, maxDepth: MAX_NESTING_DEPTH });
}

function admission(uid: string, evaluation: Evaluation): Admission {
  if (evaluation.allowed) return { response: allow(uid, evaluation.warnings), uses: evaluation.uses, violations: [] };
  const violations = evaluation.violations.map((violation) => `${violation.path}: ${violation.message}`);
  return { response: deny(uid, violations, evaluation.warnings), uses: evaluation.uses, violations };
}

function withoutConfig(uid: string, state: ConfigState): Admission {
  const reason = state.errors.map((error) => error.message).join('; ') || 'none has been read yet';
  const violation = `the webhook has no valid feature-flags config (${reason}), so it cannot decide`;
  return { response: deny(uid, [violation], [], 503), uses: [], violations: [violation] };
}

/** `/validate`: Tekton objects against the feature gates (DESIGN.md's semantics, via `evaluate`). */
export function resourceValidation(options: ResourceValidationOptions): AdmissionController {
  const { registry, source, refreshBeforeDeny } = options;
  return {
    path: '/validate',
    admit(request) {
      if (NOT_GATED.has(request.operation) || request.subResource || !isKnownKind(registry, request.kind)) {
        return { response: allow(request.uid), uses: [], violations: [] };
      }
      const state = source.state();
      if (!state.config) return withoutConfig(request.uid, state);
      const first = decide(request, state.config);
      if (first.allowed || !refreshBeforeDeny) return admission(request.uid, first);
      const before = state.config;
      return source.refresh().then(
        (fresh) => admission(request.uid, fresh.config && fresh.config !== before ? decide(request, fresh.config) : first),
        () => admission(request.uid, first),
      );
    },
  };
}
