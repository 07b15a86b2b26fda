import { EMPTY_STATE, nextState, type ConfigSource, type ConfigState, type Registry } from '@featuregates/gates';

/** A ConfigSource whose data a test changes, firing change events as a file or ConfigMap source would. */
export interface MutableSource extends ConfigSource {
  set(data: Record<string, unknown>): void;
  listenerCount(): number;
}

export function mutableSource(catalog: Registry, data: Record<string, unknown> = {}): MutableSource {
  let state: ConfigState = nextState(EMPTY_STATE, catalog, data, {});
  const listeners = new Set<(state: ConfigState) => void>();
  return {
    set(next) {
      state = nextState(state, catalog, next, {});
      for (const listener of listeners) listener(state);
    },
    listenerCount: () => listeners.size,
    state: () => state,
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    refresh: async () => state,
    close: async () => undefined,
  };
}
