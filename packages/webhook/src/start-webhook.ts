import { assertValidCatalog, BUILD_CEILING, moreStable, projectOf, withinLevels, type ConfigSource, type ConfigState, type Registry, type Stability } from '@featuregates/gates';
import { configMapSource, fileSource, type KubeConfigLike } from '@featuregates/sources';
import { configValidation } from './controllers/config-validation';
import { resourceValidation } from './controllers/resource-validation';
import { featuresView } from './features-view';
import { createApp } from './http/app';
import { HttpsServer } from './http/https-server';
import { createLogger, type Logger } from './logger';
import { WebhookMetrics } from './metrics';
import { readiness, type CertificateStatus } from './readiness';
import { certificateExpiry, readCertificatePair, watchCertificateFiles, type CertificatePair } from './tls/certificate-files';
import { startSelfManagedCertificates, type SelfManagedCertificates, type SelfManagedCertificatesOptions } from './certificates/self-managed';

export type ConfigOrigin = { file: string } | { kubernetes: { namespace: string; name: string; kubeConfig?: KubeConfigLike } };

export interface WebhookOptions {
  registry: Registry;
  config: ConfigOrigin;
  /** The ConfigMap `/validate/config` guards (the Kubernetes source's name when there is one, else the catalog's). */
  configMapName?: string;
  /**
   * The most a config may turn on, as a bundle's compiled-in ceiling does: a config above it is
   * refused. This build's ceiling when omitted, and never above it.
   */
  ceiling?: Stability;
  /** Certificate files (reloaded when they change), or certificates the webhook makes and keeps in a Secret itself. */
  tls: { certFile: string; keyFile: string } | { selfManaged: SelfManagedCertificatesOptions };
  host: string;
  port: number;
  logger?: Logger;
  /** How long a drain waits for requests in flight before closing connections, in ms. */
  drainTimeoutMs?: number;
  /** The stat poll behind file watches (config and certificates), in ms. */
  pollIntervalMs?: number;
}

export interface RunningWebhook {
  port: number;
  url: string;
  source: ConfigSource;
  metrics: WebhookMetrics;
  /** Drains requests in flight, then closes the config source and file watches. */
  stop(): Promise<void>;
}

function openSource(options: WebhookOptions, ceiling: Stability, logger: Logger): { source: ConfigSource; description: string; clusterBacked: boolean } {
  const { registry, config } = options;
  const poll = options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs };
  if ('file' in config) return { source: fileSource(registry, config.file, { ceiling, ...poll }), description: `file ${config.file}`, clusterBacked: false };
  const { namespace, name, kubeConfig } = config.kubernetes;
  const source = configMapSource(registry, {
    namespace,
    name,
    ceiling,
    ...(kubeConfig ? { kubeConfig } : {}),
    report: (event) => logger.warn({ source: `configmap ${namespace}/${name}`, event: event.type, delayMs: event.delayMs }, event.message),
  });
  return { source, description: `configmap ${namespace}/${name}`, clusterBacked: true };
}

function logConfig(logger: Logger, state: ConfigState, description: string): void {
  if (state.errors.length > 0) {
    const kept = state.config ? 'keeping the last good config' : 'no good config yet';
    logger.error({ source: description, revision: state.revision, errors: state.errors }, `config refused; ${kept}`);
  } else if (state.config) {
    logger.info({ source: description, revision: state.revision, apiFields: state.config.level, warnings: state.warnings }, 'config loaded');
  }
}

/**
 * The composition root: a config source, certificates from files, the app, the HTTPS server. A
 * catalog that does not validate (`validateCatalog`) throws a CatalogError before anything starts.
 */
export async function startWebhook(options: WebhookOptions): Promise<RunningWebhook> {
  const { registry } = options;
  assertValidCatalog(registry);
  const project = projectOf(registry);
  const ceiling = withinLevels(moreStable(options.ceiling ?? BUILD_CEILING, BUILD_CEILING), project.levels);
  const logger = options.logger ?? createLogger();
  const files = 'certFile' in options.tls ? options.tls : undefined;
  const metrics = new WebhookMetrics(registry);
  let managed: SelfManagedCertificates | undefined;
  let certificate: CertificatePair;
  if (files) certificate = readCertificatePair(files.certFile, files.keyFile);
  else {
    managed = await startSelfManagedCertificates((options.tls as { selfManaged: SelfManagedCertificatesOptions }).selfManaged, metrics, logger);
    certificate = managed.initial;
  }
  const certificateStatus: CertificateStatus = { loaded: true, notAfter: certificateExpiry(certificate.cert) };
  if (files) {
    metrics.certificateLoaded(true);
    metrics.certificateExpiries({ serving: certificateStatus.notAfter });
  }

  const { source, description, clusterBacked } = openSource(options, ceiling, logger);
  const onConfig = (state: ConfigState) => {
    metrics.configLoaded(state);
    logConfig(logger, state, description);
  };
  if (source.state().revision > 0) onConfig(source.state());
  const unsubscribe = source.onChange(onConfig);

  let server: HttpsServer | undefined;
  const configMapName = options.configMapName ?? ('kubernetes' in options.config ? options.config.kubernetes.name : project.configMap.name);
  const app = createApp({
    controllers: [resourceValidation({ registry, source, refreshBeforeDeny: clusterBacked }), configValidation({ registry, configMapName, ceiling })],
    metrics,
    logger,
    readiness: () => readiness(source.state(), managed ? managed.readinessStatus() : certificateStatus, server?.draining ?? false),
    features: () => featuresView(registry, source.state(), description, ceiling),
    certificates: () => (managed ? { mode: 'self-managed', ...managed.status() } : { mode: 'files', serving: { notAfter: certificateStatus.notAfter } }),
  });
  try {
    server = await HttpsServer.listen(app, { host: options.host, port: options.port, certificate });
  } catch (error) {
    unsubscribe();
    await source.close();
    await managed?.close();
    throw new Error(`cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
  }
  const listening = server;
  metrics.countInFlight(() => listening.requestsInFlight);

  managed?.attach((pair) => listening.setCertificate(pair));
  const certificates = files && watchCertificateFiles(
    files.certFile,
    files.keyFile,
    certificate,
    {
      loaded: (pair) => {
        listening.setCertificate(pair);
        certificateStatus.notAfter = certificateExpiry(pair.cert);
        delete certificateStatus.error;
        metrics.certificateLoaded(true);
        metrics.certificateExpiries({ serving: certificateStatus.notAfter });
        logger.info({ notAfter: certificateStatus.notAfter }, 'certificate reloaded');
      },
      failed: (error) => {
        certificateStatus.error = error.message;
        metrics.certificateLoaded(false);
        logger.warn({ error: error.message }, 'certificate files not loaded; keeping the current certificate');
      },
    },
    options.pollIntervalMs,
  );

  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `https://${host}:${listening.port}`;
  logger.info({ url, port: listening.port, source: description, ceiling }, 'listening');

  let stopping: Promise<void> | undefined;
  return {
    port: listening.port,
    url,
    source,
    metrics,
    stop: () => {
      stopping ??= (async () => {
        logger.info({ inFlight: listening.requestsInFlight }, 'draining');
        await listening.drain(options.drainTimeoutMs ?? 8000);
        certificates?.close();
        await managed?.close();
        unsubscribe();
        await source.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}
