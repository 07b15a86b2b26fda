/**
 * The value at `key`, made by `create` and stored the first time it is asked for. Pass a function
 * defined once, not a fresh closure, where this runs per request.
 */
export function getOrInsert<K extends object, V>(map: WeakMap<K, V>, key: K, create: (key: K) => V): V;
export function getOrInsert<K, V>(map: Map<K, V>, key: K, create: (key: K) => V): V;
export function getOrInsert<K extends object, V>(map: Map<K, V> | WeakMap<K, V>, key: K, create: (key: K) => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create(key);
    map.set(key, value);
  }
  return value;
}
