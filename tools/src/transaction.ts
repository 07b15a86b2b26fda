/**
 * A generator that refuses leaves the tree as it found it: Nx writes nothing to disk when a
 * generator throws, and callers that hand a generator a tree of their own (tests, other
 * generators) see the same.
 */
import type { Tree } from '@nx/devkit';

export function inTransaction<T>(tree: Tree, run: () => T): T {
  const before = new Map<string, Buffer | null>();
  const remember = (path: string): void => {
    if (!before.has(path)) before.set(path, tree.exists(path) && tree.isFile(path) ? tree.read(path) : null);
  };
  const { write, delete: remove } = tree;
  tree.write = (path, content, options) => {
    remember(path);
    write.call(tree, path, content, options);
  };
  tree.delete = (path) => {
    remember(path);
    remove.call(tree, path);
  };
  try {
    return run();
  } catch (error) {
    for (const [path, content] of before) {
      if (content === null) {
        if (tree.exists(path)) remove.call(tree, path);
      } else write.call(tree, path, content);
    }
    throw error;
  } finally {
    tree.write = write;
    tree.delete = remove;
  }
}
