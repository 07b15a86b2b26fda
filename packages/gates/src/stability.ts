/** Maturity levels, ordered from least to most stable. */
export const STABILITIES = ['alpha', 'beta', 'stable'] as const;
export type Stability = (typeof STABILITIES)[number];

const RANK: Record<Stability, number> = { alpha: 0, beta: 1, stable: 2 };

export function isStability(value: unknown): value is Stability {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RANK, value);
}

/** Negative when `a` is less stable than `b`. */
export function compareStability(a: Stability, b: Stability): number {
  return RANK[a] - RANK[b];
}

/** The more stable of two levels: lowering a wish to a ceiling. */
export function moreStable(a: Stability, b: Stability): Stability {
  return compareStability(a, b) >= 0 ? a : b;
}

/**
 * `enable-api-fields: level` turns on every gated feature at least as stable as the level:
 * `stable` none, `beta` beta ones, `alpha` alpha and beta ones.
 */
export function levelAdmits(level: Stability, featureStability: Stability): boolean {
  return compareStability(featureStability, level) >= 0;
}

/**
 * The bundles whose ceiling lets a feature of this stability be turned on, least permissive first:
 * among a catalog's declared `levels` (`projectOf(registry).levels`) when given, else all three.
 */
export function bundlesOffering(stability: Stability, levels: readonly Stability[] = STABILITIES): Stability[] {
  return STABILITIES.filter((ceiling) => levels.includes(ceiling) && levelAdmits(ceiling, stability)).reverse();
}

/**
 * A ceiling or level moved onto a catalog's declared levels: the least stable declared level at
 * least as stable as it (a `beta` ceiling is `stable` where beta is not declared, which turns on
 * the same features), or the level itself when no declared level is that stable.
 */
export function withinLevels(level: Stability, levels: readonly Stability[]): Stability {
  if (levels.includes(level)) return level;
  return STABILITIES.find((candidate) => levels.includes(candidate) && compareStability(candidate, level) >= 0) ?? level;
}
