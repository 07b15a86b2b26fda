import type { Stability } from './stability';

/** How a value found at a path counts as a use of a feature. */
export type Matcher =
  /** Any value but null or absent (`debug: {}` and `params: []` count, as Go's non-nil does). */
  | { kind: 'present' }
  /** A non-empty string, array or object; with `anyOf`, one of those child fields is non-empty. */
  | { kind: 'nonEmpty'; anyOf?: readonly string[] }
  /** Equals one of these values. */
  | { kind: 'oneOf'; values: readonly (string | number | boolean)[] }
  /** A string (or any string inside an array or object's values) matches the pattern. */
  | { kind: 'pattern'; pattern: string; flags?: string };

/**
 * A use of a feature: a path relative to a node of the type graph, plus a condition.
 * Paths are dot-separated field names; `name[]` steps into every element of an array.
 */
export interface FieldUse {
  type: string;
  path: string;
  match: Matcher;
  /** The name Tekton's message uses for this use when it differs from the feature's title. */
  title?: string;
}

export interface HistoryEntry {
  release: string;
  /** ISO date of the release, when known; the compatibility policy counts from it. */
  date?: string;
  event: 'introduced' | 'promoted' | 'demoted' | 'deprecated' | 'default-changed' | 'removed' | 'renamed';
  stability?: Stability;
  default?: FlagScalar;
  note?: string;
}

/** A named set of field uses inside CRDs, with a maturity. */
export interface ApiFeature {
  name: string;
  /** Tekton's own name for it in error messages (`matrix`, `OnError`, `step workspaces`). */
  title: string;
  stability: Stability;
  description: string;
  /** A boolean key of its own that, when set explicitly, decides whether the feature is on. */
  flag?: string;
  /** Tekton's wording when the feature's own flag keeps it off; `{value}` is the offending value. */
  flagMessage?: string;
  /** A stable feature that a list flag can forbid (Tekton's `disable-inline-spec`). */
  disabledBy?: { flag: string; contains: string };
  uses: readonly FieldUse[];
  history: readonly HistoryEntry[];
  /** A deprecation notice: the feature will be removed or changed incompatibly (the release check times the window from it). */
  deprecated?: Deprecation;
  docs?: string;
}

/**
 * A notice that something will be removed or changed incompatibly. Users see
 * "deprecated: MESSAGE; removal not before DATE" wherever it is in use.
 */
export interface Deprecation {
  /** The catalog's release label of the announcement. */
  since: string;
  message: string;
  /**
   * The earliest date removal may ship, as announced to users (ISO `YYYY-MM-DD`). The release check
   * refuses a removal before it or before the policy's window, whichever is later.
   */
  removalNotBefore?: string;
  /** What replaces it: a feature name, a flag key, or a few words. */
  replacedBy?: string;
}

/**
 * An announced change of a default, its own kind of entry: only clusters that rely on the default
 * (the key unset) are warned; setting either value explicitly silences the warning.
 */
export interface DefaultChange<Value = FlagScalar> {
  /** The default from the flip on. */
  to: Value;
  /** The catalog's release label of the announcement. */
  since: string;
  message: string;
  /** The earliest date the flip may ship, as announced (ISO `YYYY-MM-DD`). */
  flipNotBefore?: string;
}

/**
 * An API feature that shipped once and was removed. Its uses stay in the catalog (and their paths
 * in the type graph) so that a use is refused with "removed in RELEASE: NOTE", never silently
 * admitted; its own flag, if any, becomes a flag tombstone.
 */
export interface RemovedFeature {
  name: string;
  title: string;
  /** The maturity it had when it was removed. */
  stability: Stability;
  description: string;
  uses: readonly FieldUse[];
  /** Its own flag when it was removed. */
  flag?: string;
  /** The catalog's release label it was removed in. */
  removedIn: string;
  note: string;
  replacedBy?: string;
  history: readonly HistoryEntry[];
}

export type FlagScalar = string | number | boolean;
export type FlagValue = FlagScalar | readonly string[];
export type FlagType = 'bool' | 'enum' | 'int' | 'string' | 'list';

/** One key of the feature-flags ConfigMap that switches behaviour rather than API fields. */
export interface BehaviorFlag {
  key: string;
  type: FlagType;
  default: FlagValue;
  /** Allowed values of an enum, or allowed items of a list. */
  values?: readonly string[];
  /** Inclusive bounds of an int. */
  min?: number;
  max?: number;
  stability: Stability;
  description: string;
  history: readonly HistoryEntry[];
  /** The whole key is deprecated: setting it warns. */
  deprecated?: Deprecation;
  /** An announced flip of the default: warns only clusters that leave the key unset. */
  defaultChange?: DefaultChange;
  /** Values that still work but warn once when in use. */
  deprecatedValues?: readonly { value: FlagScalar; message: string }[];
  /**
   * The maturity a non-default value asks for (`"true"` for a bool flag, an enum value). Values
   * not listed, and the default, are stable: the bundle ceiling refuses the rest.
   */
  valueStability?: Readonly<Record<string, Stability>>;
  /** Legacy flags that `enable-api-fields` at this level forces on. */
  impliedBy?: Stability;
  /** The API feature this key is the own flag of, if any. */
  feature?: string;
}

/** A key that shipped once and was removed: old ConfigMaps keep loading, with a warning. */
export interface Tombstone {
  key: string;
  firstShipped?: string;
  lastShipped: string;
  removedIn: string;
  note: string;
  replacedBy?: string;
}

/** A key that shipped misspelt: its value applies to the real key, with a warning. */
export interface Alias {
  key: string;
  target: string;
  note: string;
}

/** Edges of the type graph: field (with `[]` for arrays) → type name. */
export type TypeNode = Readonly<Record<string, string>>;

export interface RootKind {
  group: string;
  version: string;
  kind: string;
  /** The type node for the whole object. */
  type: string;
  stability: Stability;
}

/** One test on a value of a type: the value at `path` (dot-separated field names, no arrays) meets `match`. */
export interface VariantCondition {
  path: string;
  match: Matcher;
  /** Holds when a value is there (neither absent nor null) and does not meet `match`. */
  not?: boolean;
}

/**
 * A type read as another when its value meets any of the conditions: the object validates
 * differently then, so other uses and edges apply. Tekton validates a pipeline task whose taskRef
 * names another API as a custom task, skipping its Task checks (v1/pipeline_validation.go
 * `PipelineTask.Validate`).
 */
export interface TypeVariant {
  type: string;
  when: readonly VariantCondition[];
  as: string;
}

/**
 * A field whose value is merged into each element of an array of the same type before the elements
 * are checked, as Tekton merges a Task's `stepTemplate` into each step (v1/task_validation.go
 * `TaskSpec.Validate`, v1/merge.go `MergeStepsWithStepTemplate`). A use found in the template counts
 * at each element the merge carries it into, once per feature and element.
 */
export interface TemplateMerge {
  /** The type that holds both fields (`TaskSpec`). */
  type: string;
  /** The field that holds the template (`stepTemplate`). */
  template: string;
  /** The array field whose elements the template merges into (`steps`); the template is read as that array's element type. */
  into: string;
  /** The fields a template can set; uses anywhere else in it are not carried. */
  fields: readonly string[];
  /** Lists merged entry by entry on a key (`env` by `name`), as Kubernetes' strategic merge patch does; any other field of an element, when non-empty, replaces the template's. */
  mergeKeys?: Readonly<Record<string, string>>;
  /** An element that holds this field is not merged (a step with a `ref`). */
  skipElementWith?: string;
}

/** Where a project's feature flags live in a cluster. */
export interface ConfigMapRef {
  name: string;
  /** The namespace the project installs into by default. */
  namespace: string;
}

/**
 * How a feature with its own flag is decided.
 * - `own-flag-decides` (Tekton, TEP-0138): on exactly when its flag is true; an unset flag takes its
 *   default, which follows the feature's stability; the level plays no part.
 * - `own-flag-overrides-level` (Kubernetes' AllAlpha): the flag decides when set explicitly,
 *   otherwise the level decides by stability.
 */
export type OwnFlagRule = 'own-flag-decides' | 'own-flag-overrides-level';

/** Whose words the messages use: Tekton's exact strings, or wording that reads like Kubernetes'. */
export type MessageWording = 'tekton' | 'kubernetes';

/**
 * Rules of the compatibility policy a catalog may relax. Omitted, each is Tekton's
 * (docs/api_compatibility_policy.md), the strictest.
 */
export interface CompatibilityRules {
  /** New features on a v1 kind start alpha. Default true. */
  newFeaturesStartAlpha?: boolean;
  /** A stable feature on a v1 kind is never removed or changed incompatibly without a new API version. Default true. */
  stableFeaturesNeedNewApiVersion?: boolean;
}

export interface Registry {
  /** The catalog's id (`tekton-pipelines`): lower-case, used in file names and metrics. */
  name: string;
  /** The project's name in messages (`Tekton Pipelines`); the id when omitted. */
  displayName?: string;
  /** The feature-flags ConfigMap; `feature-flags` in the namespace named after the catalog's id when omitted. */
  configMap?: ConfigMapRef;
  /** The levels `apiFieldsKey` takes, any non-empty subset of stable/beta/alpha; all three when omitted. */
  levels?: readonly Stability[];
  /** Whose wording messages use; `kubernetes` when omitted. */
  wording?: MessageWording;
  /** How features with their own flag are decided; `own-flag-overrides-level` when omitted. */
  ownFlagRule?: OwnFlagRule;
  /** Compatibility rules the release check relaxes for this catalog; Tekton's when omitted. */
  compatibility?: CompatibilityRules;
  /** The key whose value is the level of gated API fields. */
  apiFieldsKey: string;
  defaultLevel: Stability;
  /** An announced change of `defaultLevel`: warns only clusters that leave the level key unset. */
  levelDefaultChange?: DefaultChange<Stability>;
  apiFieldsDescription: string;
  apiFieldsHistory: readonly HistoryEntry[];
  kinds: readonly RootKind[];
  types: Readonly<Record<string, TypeNode>>;
  /** Types read as others when their value says so (custom tasks). */
  variants?: readonly TypeVariant[];
  /** Templates merged into array elements before they are checked (step templates). */
  templates?: readonly TemplateMerge[];
  features: readonly ApiFeature[];
  flags: readonly BehaviorFlag[];
  tombstones: readonly Tombstone[];
  /** Features that were removed: their uses are refused at every level. */
  removedFeatures?: readonly RemovedFeature[];
  aliases: readonly Alias[];
}

export function findFeature(registry: Registry, name: string): ApiFeature | undefined {
  return registry.features.find((feature) => feature.name === name);
}

export function findFlag(registry: Registry, key: string): BehaviorFlag | undefined {
  return registry.flags.find((flag) => flag.key === key);
}

/** Every key a ConfigMap may hold: the level, flags, tombstones and aliases. */
export function knownKeys(registry: Registry): string[] {
  return [
    registry.apiFieldsKey,
    ...registry.flags.map((flag) => flag.key),
    ...registry.tombstones.map((tombstone) => tombstone.key),
    ...registry.aliases.map((alias) => alias.key),
  ];
}
