import { readFileSync } from 'node:fs';
import { EMPTY_STATE, nextState, type ConfigSource, type ConfigState, type Registry, type Stability } from '@featuregates/gates';
import { parseConfigText } from './config-document';
import { Listeners } from './listeners';
import { refusedState } from './refused-state';
import { watchFile } from './watch-file';

export interface FileSourceOptions {
  /** The bundle's ceiling (BUILD_CEILING in a bundle); `alpha` when omitted. */
  ceiling?: Stability;
  /** The stat poll behind the directory watch, in ms. */
  pollIntervalMs?: number;
}

export interface FileConfigSource extends ConfigSource {
  readonly path: string;
}

/**
 * A config from a YAML file (a ConfigMap manifest or a plain map), reloaded when the file changes
 * (within the poll interval at worst). A file that cannot be read or parsed never replaces the
 * last good config.
 */
export function fileSource(registry: Registry, path: string, options: FileSourceOptions = {}): FileConfigSource {
  const parseOptions = options.ceiling ? { ceiling: options.ceiling } : {};
  const listeners = new Listeners();
  let state: ConfigState = EMPTY_STATE;
  let lastText: string | undefined;

  const load = (): ConfigState => {
    const at = new Date().toISOString();
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      lastText = undefined;
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      state = refusedState(state, `${path}: cannot read the config file: ${reason}`, at);
      listeners.emit(state);
      return state;
    }
    // A touch, or a rewrite with the same bytes, is not a new config.
    if (text === lastText) return state;
    lastText = text;
    const document = parseConfigText(text, path);
    state = document.ok ? nextState(state, registry, document.data, parseOptions, at) : refusedState(state, document.message, at);
    listeners.emit(state);
    return state;
  };

  load();
  const watch = watchFile(path, load, options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs });

  return {
    path,
    state: () => state,
    onChange: (listener) => listeners.add(listener),
    refresh: async () => load(),
    close: async () => {
      watch.close();
      listeners.clear();
    },
  };
}
