import type { CoreV1Api, KubeConfig, ListWatch, V1ConfigMap, V1ConfigMapList } from '@kubernetes/client-node';
import { EMPTY_STATE, nextState, type ConfigSource, type ConfigState, type Registry, type Stability } from '@featuregates/gates';
import { backoffDelay, type BackoffOptions } from './backoff';
import type { KubeConfigLike } from './kube-config';
import { Listeners } from './listeners';
import { refusedState } from './refused-state';

export interface ConfigMapSourceOptions {
  namespace: string;
  name: string;
  /** Defaults to the in-cluster config, or ~/.kube/config (KubeConfig.loadFromDefault). */
  kubeConfig?: KubeConfigLike;
  /** The bundle's ceiling (BUILD_CEILING in a bundle); `alpha` when omitted. */
  ceiling?: Stability;
  /** A full re-list this often, in ms, in case a watch hangs without failing. */
  relistIntervalMs?: number;
  /** How long `refresh()` waits for the ConfigMap, in ms. */
  refreshTimeoutMs?: number;
  /** Delays between informer restarts after errors. */
  backoff?: BackoffOptions;
  /** Connection trouble, for logs; config errors are in the state instead. */
  report?: (event: SourceEvent) => void;
}

export interface SourceEvent {
  type: 'informer-error' | 'informer-restart' | 'relist-failed' | 'refresh-failed';
  message: string;
  /** For a restart: the delay before it, in ms. */
  delayMs?: number;
}

export interface ConfigMapConfigSource extends ConfigSource {
  /** Settles when the first list has answered, well or badly. */
  readonly firstLoad: Promise<void>;
}

interface Client {
  api: CoreV1Api;
  informer: ListWatch<V1ConfigMap>;
}

const statusOf = (error: unknown): number | undefined => {
  const { code, statusCode } = (error ?? {}) as { code?: unknown; statusCode?: unknown };
  if (typeof code === 'number') return code;
  return typeof statusCode === 'number' ? statusCode : undefined;
};

const messageOf = (error: unknown): string => {
  const status = statusOf(error);
  const text = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return status === undefined ? text : `HTTP ${status}: ${text}`;
};

/** The promise's value, or a rejection once `ms` have passed (the request itself runs on and is ignored). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The feature-flags ConfigMap, live from the API server: an informer (list + watch) keeps it
 * current; the 1.x informer stops on errors, so it is restarted with backoff; a periodic re-list
 * covers a watch that hangs; `refresh()` reads the ConfigMap once with a short timeout, so a
 * caller about to reject can honour a change the watch has not delivered yet. A bad or missing
 * ConfigMap never replaces the last good config.
 */
export function configMapSource(registry: Registry, options: ConfigMapSourceOptions): ConfigMapConfigSource {
  const { namespace, name } = options;
  const parseOptions = options.ceiling ? { ceiling: options.ceiling } : {};
  const report = options.report ?? (() => undefined);
  const refreshTimeoutMs = options.refreshTimeoutMs ?? 1000;
  const listeners = new Listeners();
  let state: ConfigState = EMPTY_STATE;
  let appliedVersion: string | undefined;
  // Bumped by every informer event: a read that started before an event is older than it.
  let eventCount = 0;
  let closed = false;
  let restarts = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let refreshing: Promise<ConfigState> | undefined;
  let starting: Promise<void> | undefined;
  let listed = false;
  let lastError: unknown;

  const apply = (configMap: V1ConfigMap | undefined): void => {
    const version = configMap ? (configMap.metadata?.resourceVersion ?? '') : 'absent';
    if (closed || (version !== '' && version === appliedVersion)) return;
    appliedVersion = version;
    const at = new Date().toISOString();
    state = configMap
      ? nextState(state, registry, configMap.data ?? {}, parseOptions, at)
      : refusedState(state, `ConfigMap ${namespace}/${name} not found`, at);
    listeners.emit(state);
  };
  const fromList = (list: V1ConfigMapList) => list.items.find((item) => item.metadata?.name === name);
  const applyIfNoEventSince = (seen: number, configMap: V1ConfigMap | undefined) => {
    if (seen === eventCount) apply(configMap);
  };

  const start = (client: Client): Promise<void> => {
    starting = client.informer.start().catch((error: unknown) => scheduleRestart(client, error));
    return starting;
  };

  const scheduleRestart = (client: Client, error: unknown) => {
    if (closed) return;
    lastError = error;
    report({ type: 'informer-error', message: messageOf(error) });
    if (restartTimer) return;
    const delayMs = backoffDelay(restarts++, options.backoff);
    report({ type: 'informer-restart', message: `restarting the ConfigMap informer in ${delayMs} ms`, delayMs });
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (!closed) void start(client);
    }, delayMs);
  };

  const client: Promise<Client | undefined> = (async () => {
    try {
      const k8s = await import('./kubernetes-client.js');
      let kubeConfig = options.kubeConfig as KubeConfig | undefined;
      if (!kubeConfig) {
        kubeConfig = new k8s.KubeConfig();
        kubeConfig.loadFromDefault();
      }
      const api = kubeConfig.makeApiClient(k8s.CoreV1Api);
      const fieldSelector = `metadata.name=${name}`;
      const list = async () => {
        const result = await api.listNamespacedConfigMap({ namespace, fieldSelector });
        restarts = 0;
        listed = true;
        return result;
      };
      const informer = new k8s.ListWatch<V1ConfigMap>(`/api/v1/namespaces/${namespace}/configmaps`, new k8s.Watch(kubeConfig), list, false, undefined, fieldSelector);
      return { api, informer };
    } catch (error) {
      state = refusedState(state, `cannot configure the Kubernetes client: ${messageOf(error)}`, new Date().toISOString());
      listeners.emit(state);
      return undefined;
    }
  })();

  const firstLoad = client.then(async (ready) => {
    if (!ready || closed) return;
    const { informer } = ready;
    const onObject = (configMap: V1ConfigMap) => {
      eventCount++;
      restarts = 0;
      if (configMap.metadata?.name === name) apply(configMap);
    };
    informer.on('add', onObject);
    informer.on('update', onObject);
    informer.on('delete', (configMap) => {
      eventCount++;
      if (configMap.metadata?.name === name) apply(undefined);
    });
    informer.on('error', (error) => scheduleRestart(ready, error));
    await start(ready);
    if (closed || state.revision > 0) return;
    if (listed) {
      apply(undefined);
    } else {
      state = refusedState(state, `cannot list ConfigMap ${namespace}/${name}: ${messageOf(lastError)}`, new Date().toISOString());
      listeners.emit(state);
    }
  });

  let relisting: Promise<void> | undefined;
  const relist = async () => {
    const ready = await client;
    if (!ready || closed) return;
    const seen = eventCount;
    try {
      applyIfNoEventSince(seen, fromList(await ready.api.listNamespacedConfigMap({ namespace, fieldSelector: `metadata.name=${name}` })));
    } catch (error) {
      report({ type: 'relist-failed', message: messageOf(error) });
    }
  };
  const relistTimer = setInterval(() => {
    relisting ??= relist().finally(() => {
      relisting = undefined;
    });
  }, options.relistIntervalMs ?? 60_000);
  relistTimer.unref();

  const readOnce = async (): Promise<ConfigState> => {
    const ready = await client;
    if (!ready || closed) return state;
    const seen = eventCount;
    try {
      applyIfNoEventSince(seen, await withTimeout(ready.api.readNamespacedConfigMap({ namespace, name }), refreshTimeoutMs));
    } catch (error) {
      if (statusOf(error) === 404) applyIfNoEventSince(seen, undefined);
      else report({ type: 'refresh-failed', message: messageOf(error) });
    }
    return state;
  };

  return {
    firstLoad,
    state: () => state,
    onChange: (listener) => listeners.add(listener),
    // Concurrent callers share one read, so a burst of rejections costs the API server one GET.
    refresh: () => {
      refreshing ??= readOnce().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
    close: async () => {
      closed = true;
      clearInterval(relistTimer);
      if (restartTimer) clearTimeout(restartTimer);
      const ready = await client;
      await Promise.all([relisting, refreshing]);
      // A start that is listing would open its watch after a stop, so let it get there first.
      await Promise.race([starting, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      await ready?.informer.stop();
      listeners.clear();
    },
  };
}
