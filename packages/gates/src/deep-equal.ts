/**
 * Results of earlier comparisons by object pair. Comparing values inside-out with one memo
 * compares each pair of subtrees once: an outer comparison stops at an inner pair already decided.
 * A memo lives for one evaluation, while its objects are alive anyway, so plain Maps (cheaper for
 * the garbage collector than WeakMaps) hold nothing longer than it would otherwise live.
 */
export class EqualityMemo {
  private readonly results = new Map<object, Map<object, boolean>>();

  get(a: object, b: object): boolean | undefined {
    return this.results.get(a)?.get(b);
  }

  set(a: object, b: object, equal: boolean): void {
    let byB = this.results.get(a);
    if (!byB) {
      byB = new Map();
      this.results.set(a, byB);
    }
    byB.set(b, equal);
  }
}

/** Counts the value pairs deepEqual has visited, so tests can assert that ratcheting stays linear. */
export const deepEqualWork = { pairs: 0 };

/** Structural equality of JSON values, iterative so deep values cannot overflow the stack. */
export function deepEqual(a: unknown, b: unknown, memo?: EqualityMemo): boolean {
  const equal = compare(a, b, memo);
  if (memo && isObject(a) && isObject(b)) memo.set(a, b, equal);
  return equal;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

function compare(a: unknown, b: unknown, memo: EqualityMemo | undefined): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop() as [unknown, unknown];
    deepEqualWork.pairs++;
    if (x === y) continue;
    if (!isObject(x) || !isObject(y)) return false;
    const known = memo?.get(x, y);
    if (known === true) continue;
    if (known === false) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) stack.push([x[i], y[i]]);
      continue;
    }
    const xKeys = Object.keys(x);
    if (xKeys.length !== Object.keys(y).length) return false;
    for (const key of xKeys) {
      if (!Object.prototype.hasOwnProperty.call(y, key)) return false;
      stack.push([(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]]);
    }
  }
  return true;
}
