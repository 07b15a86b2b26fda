import type { ReferenceFlags } from './flags';
import type { ServiceAccountSecret, Volume, VolumeMount } from './types';

export const CREDS_SECRETS_PATH = '/tekton/creds-secrets';

export interface Credentials {
  volumes: Volume[];
  mounts: VolumeMount[];
  /** Arguments that tell each step's entrypoint which credentials to install. */
  args: string[];
}

const annotated = (secret: ServiceAccountSecret, kind: 'git' | 'docker'): string[] =>
  Object.entries(secret.annotations ?? {})
    .filter(([key]) => key.startsWith(`tekton.dev/${kind}-`))
    .map(([, url]) => url);

function argsFor(secret: ServiceAccountSecret): string[] {
  switch (secret.type) {
    case 'kubernetes.io/basic-auth':
      return [...annotated(secret, 'git').map((url) => `-basic-git=${secret.name}=${url}`), ...annotated(secret, 'docker').map((url) => `-basic-docker=${secret.name}=${url}`)];
    case 'kubernetes.io/ssh-auth':
      return annotated(secret, 'git').map((url) => `-ssh-git=${secret.name}=${url}`);
    case 'kubernetes.io/dockerconfigjson':
      return [`-docker-config=${secret.name}`];
    case 'kubernetes.io/dockercfg':
      return [`-docker-cfg=${secret.name}`];
    default:
      return [];
  }
}

/**
 * `disable-creds-init` (default false): Tekton scans the TaskRun's service account for Secrets
 * annotated `tekton.dev/git-*` or `tekton.dev/docker-*` (basic-auth, ssh-auth) and for docker
 * config Secrets, mounts each under /tekton/creds-secrets and has every step's entrypoint install
 * them. True skips the scan: steps get no credentials from Tekton.
 */
export function credentialsFor(secrets: readonly ServiceAccountSecret[], flags: ReferenceFlags): Credentials {
  const credentials: Credentials = { volumes: [], mounts: [], args: [] };
  if (flags.enabled('disable-creds-init')) return credentials;
  for (const secret of secrets) {
    const args = argsFor(secret);
    if (args.length === 0) continue;
    const volumeName = `tekton-internal-secret-volume-${secret.name}`;
    credentials.volumes.push({ name: volumeName, secret: { secretName: secret.name } });
    credentials.mounts.push({ name: volumeName, mountPath: `${CREDS_SECRETS_PATH}/${secret.name}` });
    credentials.args.push(...args);
  }
  return credentials;
}
