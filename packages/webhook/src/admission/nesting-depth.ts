/**
 * How deep an object may nest before the webhook refuses to walk it. The walker follows embedded
 * specs to any depth and builds each use's path from the root, so its cost grows with depth
 * squared; real Tekton objects nest a few dozen levels (a pipeline embedding pipelines embedding
 * tasks, with pod templates), and the API server itself stops at 10,000.
 */
export const MAX_NESTING_DEPTH = 128;

/** Whether a parsed JSON value nests arrays and objects deeper than `limit`; iterative, stops early. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  // Two parallel stacks rather than a tuple per node: this runs on every admitted object.
  const values: object[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const current = values.pop() as object;
    const depth = depths.pop() as number;
    if (depth >= limit) return true;
    if (Array.isArray(current)) {
      for (const item of current) {
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const key in current) {
        const item = (current as Record<string, unknown>)[key];
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
    }
  }
  return false;
}
