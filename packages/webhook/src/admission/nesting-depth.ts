/**
 * How deep an object may nest before the webhook refuses to walk it. The walker follows embedded
 * specs to any depth and builds each use's path from the root, so its cost grows with depth
 * squared; real Tekton objects nest a few dozen levels (a pipeline embedding pipelines embedding
 * tasks, with pod templates), and the API server itself stops at 10,000.
 */
export const MAX_NESTING_DEPTH = 128;

/** Whether a parsed JSON value nests arrays and objects deeper than `limit`; iterative, stops early. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    if (Array.isArray(current)) {
      for (const item of current) if (typeof item === 'object' && item !== null) stack.push([item, depth + 1]);
    } else {
      for (const key in current) {
        const item = (current as Record<string, unknown>)[key];
        if (typeof item === 'object' && item !== null) stack.push([item, depth + 1]);
      }
    }
  }
  return false;
}
