const isNode = (value: unknown): value is object => typeof value === 'object' && value !== null;

function childrenOf(node: object): unknown[] {
  return Array.isArray(node) ? node : Object.values(node);
}

/**
 * How many nodes `root` holds once shared references (YAML aliases) are written out, counting
 * each distinct node's children once (memoised), so the work is linear in the distinct nodes
 * whatever the expansion. Stops early with the count so far past `budget`; Infinity for a cycle.
 */
export function expandedNodes(root: unknown, budget: number): number {
  if (!isNode(root)) return 1;
  const sizes = new Map<object, number>();
  // Opened and not yet sized: exactly the ancestors of the node on top of the stack.
  const open = new Set<object>();
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (!open.has(node)) {
      open.add(node);
      for (const child of childrenOf(node)) {
        if (!isNode(child) || sizes.has(child)) continue;
        if (open.has(child)) return Infinity;
        stack.push(child);
      }
      continue;
    }
    stack.pop();
    if (sizes.has(node)) continue;
    let size = 1;
    for (const child of childrenOf(node)) size += isNode(child) ? (sizes.get(child) as number) : 1;
    if (size > budget) return size;
    sizes.set(node, size);
  }
  return sizes.get(root) as number;
}
