import type { OwnFlagRule, Stability } from '@featuregates/gates';

/**
 * A notice that something will change incompatibly: a deprecated feature or flag, a deprecated
 * flag value (a default about to flip), or an announced change of the level key's default.
 */
export interface Notice {
  /** The catalog's own label for when it was announced (a release of the cataloged project). */
  since: string;
  message: string;
  /** When users first saw it: the date of the first release of ours that shipped it. */
  date: string;
  /** Our release that first shipped it (`catalog` when it predates our first snapshot). */
  release: string;
  /** A deprecation's promised earliest removal (ISO date), as users read it; the check holds it to the policy. */
  removalNotBefore?: string;
  /** What replaces the deprecated thing. */
  replacedBy?: string;
}

/** An announced change of a default (a flag's, or the level key's): its own kind of notice. */
export interface DefaultNotice extends Notice {
  /** The default from the flip on, formatted as a ConfigMap holds it. */
  to: string;
  /** The promised earliest flip (ISO date). */
  flipNotBefore?: string;
}

export interface KindEntry {
  group: string;
  version: string;
  kind: string;
  stability: Stability;
}

export interface FeatureEntry {
  title: string;
  stability: Stability;
  description: string;
  /** The feature's own flag, when it has one. */
  flag?: string;
  disabledBy?: { flag: string; contains: string };
  /** The distinct fields it gates, as `Type.path` (`PipelineTask.matrix`), sorted. */
  fields: string[];
  /** Every YAML path it gates, per kind label (`tekton.dev/v1 Pipeline`), sorted. */
  paths: Record<string, string[]>;
  /** Catalog release (and maturity) it was introduced in, from its history. */
  introduced?: string;
  /** Catalog releases it was promoted in, from its history (`v0.53.0 (beta)`). */
  promoted: string[];
  deprecated?: Notice;
  docs?: string;
}

export interface DeprecatedValue extends Notice {
  value: string;
}

export interface FlagEntry {
  type: string;
  /** The default, formatted as a ConfigMap would hold it (`false`, `workspaces`, `a,b`). */
  default: string;
  values?: string[];
  min?: number;
  max?: number;
  stability: Stability;
  valueStability?: Record<string, Stability>;
  description: string;
  /** The API feature whose own flag this is. */
  feature?: string;
  impliedBy?: Stability;
  introduced?: string;
  deprecated?: Notice;
  deprecatedValues?: DeprecatedValue[];
  /** An announced flip of the default (`BehaviorFlag.defaultChange`). */
  defaultChange?: DefaultNotice;
}

/**
 * A feature that shipped and was removed (`Registry.removedFeatures`): a use of its fields is
 * refused with "removed in RELEASE: NOTE". Kept forever, as flag tombstones are.
 */
export interface FeatureTombstoneEntry {
  title: string;
  /** The maturity it had when it was removed. */
  stability: Stability;
  description: string;
  flag?: string;
  /** As `FeatureEntry.fields`. */
  fields: string[];
  /** As `FeatureEntry.paths`: every YAML path a use is now refused at, per kind label. */
  paths: Record<string, string[]>;
  removedIn: string;
  note: string;
  replacedBy?: string;
  /** Its catalog history, one label per entry (`v0.3 introduced (alpha)`). */
  history: string[];
}

export interface TombstoneEntry {
  firstShipped?: string;
  lastShipped: string;
  removedIn: string;
  note: string;
  replacedBy?: string;
}

/**
 * A registry frozen at one of our releases (`releases/<version>/features.json`): what the diff
 * and the policy need, with sorted keys and entries so that it is byte-for-byte reproducible.
 */
export interface Snapshot {
  schema: 1;
  catalog: string;
  /** Our release version, or `unreleased` for the working tree. */
  version: string;
  /** The release date (ISO `YYYY-MM-DD`); policy windows are counted from these dates. */
  date: string;
  /**
   * The level key, its default, (only where the catalog declares fewer than all three) its levels,
   * least stable first, and `ownFlagRule`, written only when the catalog declares one (absent,
   * `own-flag-overrides-level`).
   */
  level: { key: string; default: Stability; levels?: Stability[]; notice?: DefaultNotice & { to: Stability }; ownFlagRule?: OwnFlagRule };
  kinds: Record<string, KindEntry>;
  features: Record<string, FeatureEntry>;
  flags: Record<string, FlagEntry>;
  tombstones: Record<string, TombstoneEntry>;
  /** Removed features' tombstones; absent when there are none (and in snapshots older than them). */
  removedFeatures?: Record<string, FeatureTombstoneEntry>;
  aliases: Record<string, { target: string; note: string }>;
}

/** When the policy allows an incompatible change: from a date, or in any release after the notice shipped. */
export type Earliest = { kind: 'date'; date: string } | { kind: 'next-release' };

/** A feature as events and notes name it: its flag, the fields and kinds it gates, the bundles it is in. */
export interface FeatureRef {
  name: string;
  /** The level key (`enable-api-fields`) that turns it on when it has no own flag set. */
  levelKey: string;
  /** How its own flag, if any, decides it; absent, `own-flag-overrides-level`. */
  ownFlagRule?: OwnFlagRule;
  title: string;
  stability: Stability;
  description: string;
  flag?: string;
  fields: string[];
  /** Kind labels, sorted. */
  kinds: string[];
  /** Every YAML path it gates, per kind label (absent in changesets written before paths were recorded). */
  paths?: Record<string, string[]>;
  /** The bundles whose ceiling admits it, least permissive first. */
  bundles: Stability[];
}

export interface FlagRef {
  key: string;
  type: string;
  default: string;
  stability: Stability;
  description: string;
  feature?: string;
  bundles: Stability[];
}

/** What changed between two snapshots, one event per maturity or compatibility change. */
export type ReleaseEvent =
  | { type: 'feature-added'; feature: FeatureRef }
  | { type: 'feature-promoted'; feature: FeatureRef; from: Stability; to: Stability }
  | { type: 'feature-demoted'; feature: FeatureRef; from: Stability; to: Stability }
  | { type: 'feature-deprecated'; feature: FeatureRef; notice: Notice; removal: Earliest }
  | { type: 'feature-deprecation-withdrawn'; feature: FeatureRef }
  | { type: 'feature-changed'; feature: FeatureRef; addedPaths: string[]; removedPaths: string[]; flagFrom?: string; flagTo?: string }
  /** Removed without a tombstone: its fields would be silently admitted (a policy violation). */
  | { type: 'feature-removed'; feature: FeatureRef }
  /** Removed, leaving a tombstone: a use is refused with "removed in RELEASE: NOTE". */
  | { type: 'feature-tombstoned'; feature: FeatureRef; tombstone: FeatureTombstoneEntry }
  | { type: 'feature-tombstone-removed'; key: string; tombstone: FeatureTombstoneEntry }
  | { type: 'flag-added'; flag: FlagRef }
  | { type: 'flag-promoted'; flag: FlagRef; from: Stability; to: Stability }
  | { type: 'flag-demoted'; flag: FlagRef; from: Stability; to: Stability }
  | { type: 'flag-deprecated'; flag: FlagRef; notice: Notice; removal: Earliest }
  | { type: 'flag-value-deprecated'; flag: FlagRef; value: string; notice: Notice; removal: Earliest }
  | { type: 'flag-default-changed'; flag: FlagRef; from: string; to: string }
  | { type: 'flag-default-announced'; flag: FlagRef; from: string; to: string; notice: DefaultNotice; flip: Earliest }
  | { type: 'flag-default-withdrawn'; flag: FlagRef; to: string }
  | { type: 'flag-values-changed'; flag: FlagRef; added: string[]; removed: string[] }
  | { type: 'flag-tombstoned'; flag: FlagRef; tombstone: TombstoneEntry }
  | { type: 'flag-removed'; flag: FlagRef }
  | { type: 'tombstone-removed'; key: string; tombstone: TombstoneEntry }
  | { type: 'level-default-announced'; key: string; from: Stability; to: Stability; notice: Notice; removal: Earliest }
  | { type: 'level-default-changed'; key: string; from: Stability; to: Stability }
  | { type: 'level-default-withdrawn'; key: string; default: Stability; to: Stability }
  /** How features with their own flag are decided changed (registry.ts `OwnFlagRule`). */
  | { type: 'own-flag-rule-changed'; key: string; from: OwnFlagRule; to: OwnFlagRule }
  | { type: 'kind-added'; kind: string; stability: Stability }
  | { type: 'kind-removed'; kind: string; stability: Stability };

export type ReleaseEventType = ReleaseEvent['type'];

/** The compatibility rules of DESIGN.md that the release check enforces. */
export type PolicyRule = 'removal-window' | 'alpha-warning' | 'default-window' | 'level-skip' | 'tombstone' | 'demotion' | 'new-feature-level' | 'stable-on-v1' | 'release-dates' | 'promised-date';

export interface PolicyViolation {
  rule: PolicyRule;
  /** The feature, flag or key the rule is about. */
  subject: string;
  message: string;
  /** When the change would be allowed: a date, the next release after a notice, or never. */
  allowed: Earliest | { kind: 'never' } | { kind: 'once-fixed' };
}

export type Bump = 'major' | 'minor' | 'patch';
