import type { ReferenceFlags } from './flags';
import type { SecurityContext } from './types';

/**
 * `set-security-context` (default false), in Tekton's words: "set a security context for
 * containers injected by Tekton that will allow TaskRun pods to run in namespaces with restricted
 * pod security admission". Only the containers Tekton injects get it; the user's steps and
 * sidecars keep whatever they declare.
 */
export function injectedSecurityContext(flags: ReferenceFlags): SecurityContext | undefined {
  if (!flags.enabled('set-security-context')) return undefined;
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    runAsNonRoot: true,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}
