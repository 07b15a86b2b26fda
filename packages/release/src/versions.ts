/** Our release versions (`1.2.0`, `2.0.0-rc.1`), ordered the way semver orders them. */

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

export function isVersion(value: string): boolean {
  return VERSION.test(value);
}

function comparePrerelease(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] === undefined) return -1;
    if (right[i] === undefined) return 1;
    const [x, y] = [left[i], right[i]];
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    const order = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return order;
  }
  return 0;
}

/** Negative when `a` is an earlier release than `b`. */
export function compareVersions(a: string, b: string): number {
  const left = VERSION.exec(a);
  const right = VERSION.exec(b);
  if (!left || !right) throw new Error(`not a release version: "${left ? b : a}"`);
  for (let i = 1; i <= 3; i++) {
    const order = Number(left[i]) - Number(right[i]);
    if (order !== 0) return order;
  }
  return comparePrerelease(left[4], right[4]);
}
