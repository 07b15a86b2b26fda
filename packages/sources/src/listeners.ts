import type { ConfigState } from '@featuregates/gates';

type Listener = (state: ConfigState) => void;

/** The subscribers of a source: `onChange` hands out an unsubscribe; `emit` survives a throwing listener. */
export class Listeners {
  private readonly listeners = new Set<Listener>();

  add(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(state: ConfigState): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(state);
      } catch {
        // a listener's failure must not stop the source or the other listeners
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
