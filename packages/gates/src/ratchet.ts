import { deepEqual, EqualityMemo } from './deep-equal';
import type { RawUse } from './find-uses';

/**
 * The uses among `candidates` that the old object already had: the same feature at the same path
 * (by id, so both lists must come from one PathTable) with an equal value. Both lists are in
 * document order; candidates are compared last first, so a value nested in another use's value is
 * compared before it and the memo spares the outer comparison from walking it again.
 */
export function ratchetedUses(candidates: readonly RawUse[], oldUses: readonly RawUse[]): Set<RawUse> {
  const oldValues = new Map<number, Map<string, unknown[]>>();
  for (const old of oldUses) {
    let byFeature = oldValues.get(old.pathId);
    if (!byFeature) {
      byFeature = new Map();
      oldValues.set(old.pathId, byFeature);
    }
    const values = byFeature.get(old.check.feature.name) ?? [];
    values.push(old.value);
    byFeature.set(old.check.feature.name, values);
  }

  const memo = new EqualityMemo();
  const ratcheted = new Set<RawUse>();
  for (let i = candidates.length - 1; i >= 0; i--) {
    const use = candidates[i];
    const before = oldValues.get(use.pathId)?.get(use.check.feature.name);
    if (before?.some((value) => deepEqual(value, use.value, memo))) ratcheted.add(use);
  }
  return ratcheted;
}
