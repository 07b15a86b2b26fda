import { clipMessage, type ConfigState } from '@featuregates/gates';

/**
 * The state after a load attempt that produced no data at all (an unreadable file, broken YAML,
 * a deleted ConfigMap): the last good config stays, the reason is reported as an error.
 */
export function refusedState(previous: ConfigState, message: string, loadedAt: string): ConfigState {
  return { ...previous, errors: [{ key: '', message: clipMessage(message) }], warnings: [], revision: previous.revision + 1, loadedAt };
}
