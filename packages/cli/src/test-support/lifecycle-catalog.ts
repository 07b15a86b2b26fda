// The gate model's lifecycle fixture (deprecations, removed features, announced default changes) in
// the default wording, as a catalog module the CLI loads with --catalog.
import { lifecycleKubernetes } from '../../../gates/src/test-support/lifecycle';

export default lifecycleKubernetes;
