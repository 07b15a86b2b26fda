/**
 * The catalog the webhook's tests run on: the gate model's small fixture (a made-up Widget project
 * in Tekton's wording), so no release of a real catalog can break them. `fan-out` is its beta
 * feature (Tekton's `matrix`), `enum` an alpha feature with its own flag, `enable-legacy` a legacy
 * flag `alpha` implies, `removed-key` a tombstone.
 */
export { fixture as catalog } from '../../../gates/src/test-support/fixture';
