import type { CompiledTemplate, Check, TrieNode } from './compile';
import type { RawUse, UseWalk } from './find-uses';
import { compileMatcher } from './matchers';
import type { PathTable } from './path-table';
import type { ApiFeature } from './registry';

/** A use found in a template, and what an element sets that keeps it from being carried there. */
interface Carried {
  use: RawUse;
  field: string;
  /** Set for a list merged by key: the template entry's key. */
  keyed: boolean;
  key: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);
const nonEmpty = compileMatcher({ kind: 'nonEmpty' });

export type WalkFrom = (node: TrieNode, value: unknown, start: number) => UseWalk;

/**
 * Uses a template carries into the elements of its array (TemplateMerge in registry.ts): the
 * template is walked once, as an element, keeping the first use per feature, field and merge key;
 * then each element takes, per feature, the first of them it does not override (a non-empty field
 * of its own, or an entry with the same key in a keyed list) and `carry` reports it at the element.
 * Work is linear in the template and the elements: an element skips at most as many carried uses
 * as it has fields and keyed entries. Returns the entry where the walk went too deep, if it did.
 */
export function mergeTemplate(
  template: CompiledTemplate,
  holder: Record<string, unknown>,
  entry: number,
  paths: PathTable,
  walk: WalkFrom,
  carry: (check: Check, value: unknown, at: number) => void,
): number | undefined {
  const source = holder[template.template];
  const elements = holder[template.into];
  if (!isPlainObject(source) || !Array.isArray(elements) || elements.length === 0) return undefined;

  const byFeature = new Map<ApiFeature, Carried[]>();
  const seen = new Map<ApiFeature, Set<string>>();
  const collect = (found: UseWalk, field: string, keyed: boolean, key: unknown): number | undefined => {
    for (const use of found.uses) {
      const feature = use.check.feature;
      const id = keyed ? `${field}\u0000${typeof key}:${String(key)}` : field;
      const ids = seen.get(feature) ?? new Set<string>();
      seen.set(feature, ids);
      if (ids.has(id)) continue;
      ids.add(id);
      const list = byFeature.get(feature) ?? [];
      byFeature.set(feature, list);
      list.push({ use, field, keyed, key });
    }
    return found.tooDeep;
  };

  const templateEntry = paths.child(entry, template.template);
  for (const field of template.fields) {
    if (!hasOwn(source, field)) continue;
    const value = source[field];
    const fieldEntry = paths.child(templateEntry, field);
    const keyName = template.mergeKeys.get(field);
    for (const edge of template.element.fields) {
      if (edge.name !== field) continue;
      if (!edge.array) {
        const tooDeep = collect(walk(edge.node, value, fieldEntry), field, false, undefined);
        if (tooDeep !== undefined) return tooDeep;
      } else if (Array.isArray(value)) {
        for (let j = 0; j < value.length; j++) {
          const item = value[j];
          const key = keyName !== undefined && isPlainObject(item) ? item[keyName] : undefined;
          const tooDeep = collect(walk(edge.node, item, paths.child(fieldEntry, j)), field, keyName !== undefined, key);
          if (tooDeep !== undefined) return tooDeep;
        }
      }
    }
  }
  if (byFeature.size === 0) return undefined;

  const list = paths.child(entry, template.into);
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    if (!isPlainObject(element)) continue;
    if (template.skipElementWith !== undefined && element[template.skipElementWith] !== undefined && element[template.skipElementWith] !== null) continue;
    const keysOf = new Map<string, Set<unknown>>();
    const overrides = (carried: Carried): boolean => {
      const own = hasOwn(element, carried.field) ? element[carried.field] : undefined;
      if (!carried.keyed) return nonEmpty(own);
      let keys = keysOf.get(carried.field);
      if (!keys) {
        const keyName = template.mergeKeys.get(carried.field) as string;
        keys = new Set(Array.isArray(own) ? own.map((item) => (isPlainObject(item) ? item[keyName] : undefined)) : []);
        keysOf.set(carried.field, keys);
      }
      return keys.has(carried.key);
    };
    let at: number | undefined;
    for (const candidates of byFeature.values()) {
      const kept = candidates.find((carried) => !overrides(carried));
      if (kept) carry(kept.use.check, kept.use.value, (at ??= paths.child(list, i)));
    }
  }
  return undefined;
}
