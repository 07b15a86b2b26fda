import type { FeatureUse } from '@featuregates/gates';
import type { AdmissionRequest, AdmissionResponse } from '../admission/review';

/** What one admission decided, with what metrics and the rejection log line need. */
export interface Admission {
  response: AdmissionResponse;
  /** Uses of gated features found in the object, with their decisions. */
  uses: readonly FeatureUse[];
  /** Each violation as `PATH: MESSAGE`; empty when allowed. */
  violations: readonly string[];
}

/** One route of the webhook: a path and a decision over a parsed AdmissionRequest (knative's shape). */
export interface AdmissionController {
  readonly path: string;
  admit(request: AdmissionRequest): Admission | Promise<Admission>;
}
