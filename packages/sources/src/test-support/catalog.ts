/**
 * The catalog the sources' tests parse with: the gate model's small fixture (a made-up Widget
 * project), so no release of a real catalog can break them. Its ConfigMap is `feature-flags` in
 * the namespace `widgets`.
 */
export { fixture as catalog } from '../../../gates/src/test-support/fixture';
