export { policyManifests, policyObjects } from './manifests';
export { buildPolicies, resourceOf, DEFAULT_MAX_DEPTH, DEFAULT_RATCHET_BLOCKS, type PolicyOptions, type PolicySet, type Validation, type KubernetesObject } from './policies';
export { toRe2, PatternError, type Re2Pattern } from './re2';
