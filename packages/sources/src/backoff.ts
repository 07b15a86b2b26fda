export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
}

/**
 * Delay before restart number `attempt` (from 0): doubling from `initialMs` up to `maxMs`, with
 * up to 20% taken off at random so that many webhook replicas do not reconnect in step.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const initial = options.initialMs ?? 500;
  const max = options.maxMs ?? 30_000;
  const full = Math.min(max, initial * 2 ** Math.min(attempt, 30));
  return Math.round(full * (1 - 0.2 * random()));
}
