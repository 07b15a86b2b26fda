import { statSync, watch, type FSWatcher, type Stats } from 'node:fs';
import { dirname } from 'node:path';

export interface WatchFileOptions {
  /** How often the stat poll runs, in ms: the fallback when directory events are lost. */
  pollIntervalMs?: number;
  /** Events are coalesced for this long before the file is looked at, in ms. */
  settleMs?: number;
}

export interface FileWatch {
  close(): void;
}

/** What identifies one version of a file: `missing` when it cannot be stat'ed. */
export function fileSignature(stats: Stats | undefined): string {
  if (!stats) return 'missing';
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

function statFollowing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Calls `onChange` when the file at `path` changes. The directory is watched (not the file), and
 * the file is stat'ed through symlinks, so an atomic rename-replace and Kubernetes' `..data`
 * symlink swap in a mounted ConfigMap or Secret are both seen; a poll catches what events miss
 * (network filesystems, a directory that appears later).
 */
export function watchFile(path: string, onChange: () => void, options: WatchFileOptions = {}): FileWatch {
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const settleMs = options.settleMs ?? 25;
  let signature = fileSignature(statFollowing(path));
  let watcher: FSWatcher | undefined;
  let settleTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const look = () => {
    if (closed) return;
    const next = fileSignature(statFollowing(path));
    if (next === signature) return;
    signature = next;
    onChange();
  };

  const schedule = () => {
    if (closed) return;
    if (settleTimer) clearTimeout(settleTimer);
    settleTimer = setTimeout(look, settleMs);
  };

  const arm = () => {
    if (watcher || closed) return;
    try {
      watcher = watch(dirname(path), { persistent: false }, schedule);
      watcher.on('error', () => {
        watcher?.close();
        watcher = undefined;
      });
    } catch {
      watcher = undefined;
    }
  };

  arm();
  const poll = setInterval(() => {
    arm();
    look();
  }, pollIntervalMs);
  poll.unref();

  return {
    close() {
      closed = true;
      clearInterval(poll);
      if (settleTimer) clearTimeout(settleTimer);
      watcher?.close();
      watcher = undefined;
    },
  };
}

