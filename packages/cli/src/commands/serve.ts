import { isAbsolute, join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { webhookConfigurationName, type ConfigMapRef, type Project } from '@featuregates/gates';
import type { ConfigOrigin, WebhookOptions } from '@featuregates/webhook';
import { CATALOG_HELP } from '../catalog-option';
import { CliError, EXIT, type Io } from '../io';
import type { ProjectSource } from '../project/load-project';

export interface ServeOptions {
  config?: string;
  kubernetes?: boolean;
  namespace?: string;
  configmap?: string;
  port: number;
  host: string;
  tlsCert?: string;
  tlsKey?: string;
  devCert?: string;
  // Self-managed certificates (the default with --kubernetes and no certificate files).
  service: string;
  tlsSecret: string;
  webhookConfiguration?: string;
  certValidity: string;
  certRenewBefore: string;
  caValidity?: string;
  certResync: string;
  catalog?: string;
}

/** After a drain, the process has this long to exit on its own before it is ended (exit 0 within 10 s of SIGTERM). */
const EXIT_GRACE_MS = 1500;

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('a port is an integer from 0 to 65535 (0 picks a free one)');
  return port;
}

/** Paths on the command line are relative to the command's working directory. */
function resolvePaths(options: ServeOptions, cwd: string): ServeOptions {
  const resolve = (path: string | undefined) => (path === undefined || isAbsolute(path) ? path : join(cwd, path));
  return { ...options, config: resolve(options.config), tlsCert: resolve(options.tlsCert), tlsKey: resolve(options.tlsKey), devCert: resolve(options.devCert) };
}

/** Where the config comes from; `--kubernetes` defaults to the project's ConfigMap (its namespace yields to $SYSTEM_NAMESPACE). */
export function configOrigin(options: Partial<ServeOptions>, configMap: ConfigMapRef): ConfigOrigin {
  if (options.config !== undefined && options.kubernetes) throw new CliError('choose one config source: --config FILE or --kubernetes', EXIT.usage);
  if (options.config !== undefined) {
    if (options.namespace !== undefined) throw new CliError('--namespace goes with --kubernetes', EXIT.usage);
    return { file: options.config };
  }
  if (!options.kubernetes) throw new CliError('name a config source: --config FILE or --kubernetes', EXIT.usage);
  return { kubernetes: { namespace: options.namespace ?? process.env.SYSTEM_NAMESPACE ?? configMap.namespace, name: options.configmap ?? configMap.name } };
}

// Loaded when `serve` runs, so the other commands never load express, pino and prom-client.
const webhookPackage = () => import('@featuregates/webhook');

async function tlsFiles(options: ServeOptions, io: Io, project: Project): Promise<WebhookOptions['tls']> {
  const fromFiles = options.tlsCert !== undefined || options.tlsKey !== undefined;
  if (fromFiles && options.devCert !== undefined) throw new CliError('choose one: --tls-cert FILE --tls-key FILE, or --dev-cert DIR', EXIT.usage);
  if (!fromFiles && options.devCert === undefined && options.kubernetes) return selfManaged(options, project);
  if (options.devCert !== undefined) {
    const { writeDevCertificate } = await webhookPackage();
    const files = await writeDevCertificate(options.devCert);
    io.out(`dev CA certificate (trust it to call the webhook): ${files.caPath}`);
    return { certFile: files.certPath, keyFile: files.keyPath };
  }
  if (options.tlsCert === undefined || options.tlsKey === undefined) throw new CliError('TLS needs --tls-cert FILE and --tls-key FILE together, or --dev-cert DIR', EXIT.usage);
  return { certFile: options.tlsCert, keyFile: options.tlsKey };
}

/** With --kubernetes and no certificate files, the webhook makes and rotates its own, in a Secret (the flags' defaults match release.yaml). */
async function selfManaged(options: ServeOptions, project: Project): Promise<WebhookOptions['tls']> {
  const { parseDuration, certificateSettings } = await webhookPackage();
  const duration = (flag: string, text: string) => {
    try {
      return parseDuration(text);
    } catch (error) {
      throw new CliError(`${flag}: ${(error as Error).message}`, EXIT.usage);
    }
  };
  const validityMs = duration('--cert-validity', options.certValidity);
  const renewBeforeMs = duration('--cert-renew-before', options.certRenewBefore);
  const caValidityMs = options.caValidity === undefined ? undefined : duration('--ca-validity', options.caValidity);
  try {
    certificateSettings(validityMs, renewBeforeMs, caValidityMs);
  } catch (error) {
    throw new CliError(`--cert-validity, --cert-renew-before, --ca-validity: ${(error as Error).message}`, EXIT.usage);
  }
  const namespace = options.namespace ?? process.env.SYSTEM_NAMESPACE ?? project.configMap.namespace;
  return {
    selfManaged: {
      namespace,
      service: options.service,
      secretName: options.tlsSecret,
      webhookConfigurationName: options.webhookConfiguration ?? webhookConfigurationName(project),
      validityMs,
      renewBeforeMs,
      ...(caValidityMs === undefined ? {} : { caValidityMs }),
      resyncMs: duration('--cert-resync', options.certResync),
    },
  };
}

/** `featuregates serve`: the admission webhook, until SIGTERM or SIGINT drains it. */
export function registerServe(program: Command, source: ProjectSource, io: Io, setExitCode: (code: number) => void): void {
  program
    .command('serve')
    .description('Run the admission webhook over HTTPS: POST /validate, POST /validate/config, GET /healthz /readyz /metrics /features. SIGTERM drains and exits 0.')
    .option('--config <file>', 'a feature-flags ConfigMap manifest or plain key/value YAML, reloaded when it changes')
    .option('--kubernetes', 'read the feature-flags ConfigMap from the cluster (informer, in-cluster or ~/.kube/config)')
    .option('--namespace <ns>', 'the ConfigMap\'s namespace with --kubernetes (default: $SYSTEM_NAMESPACE, else the project\'s namespace)')
    .option('--configmap <name>', 'the ConfigMap\'s name; also the one /validate/config guards (default: the project\'s)', undefined)
    .option('--catalog <module>', CATALOG_HELP)
    .addOption(new Option('--port <port>', 'port to listen on').argParser(parsePort).default(8443))
    .option('--host <host>', 'address to listen on', '0.0.0.0')
    .option('--tls-cert <file>', 'PEM certificate (chain), reloaded when it changes')
    .option('--tls-key <file>', 'PEM private key, reloaded when it changes')
    .option('--dev-cert <dir>', 'write a throwaway CA and a localhost certificate into DIR and serve with them')
    .option('--service <name>', 'with --kubernetes and no --tls-cert: the Service certificates are made for (<name>.<namespace>.svc)', 'featuregates-webhook')
    .option('--tls-secret <name>', 'with --kubernetes and no --tls-cert: the Secret in --namespace that holds the CA and serving certificate', 'featuregates-webhook-tls')
    .option('--webhook-configuration <name>', 'with --kubernetes and no --tls-cert: the ValidatingWebhookConfiguration whose caBundle fields are kept (default: featuregates-<catalog id>, as release.yaml names it)')
    .option('--cert-validity <duration>', 'self-managed serving certificates live this long (the CA four times that)', '7d')
    .option('--cert-renew-before <duration>', 'and are renewed this long before they expire (at most half the validity)', '1d')
    .option('--ca-validity <duration>', 'the self-managed CA lives this long (default: four times --cert-validity); it rotates when it has less than --cert-validity left')
    .option('--cert-resync <duration>', 'how often the Secret and caBundle are checked and repaired', '60s')
    .action(async (given: ServeOptions) => {
      const { registry, project } = source(given.catalog);
      const options = resolvePaths(given, io.cwd);
      const config = configOrigin(options, project.configMap);
      const tls = await tlsFiles(options, io, project);
      const { startWebhook, stopOnSignals } = await webhookPackage();
      let webhook;
      try {
        webhook = await startWebhook({ registry, config, tls, host: options.host, port: options.port, configMapName: options.configmap ?? project.configMap.name });
      } catch (error) {
        throw new CliError((error as Error).message);
      }
      await stopOnSignals(webhook);
      setTimeout(() => process.exit(EXIT.ok), EXIT_GRACE_MS).unref();
      setExitCode(EXIT.ok);
    });
}
