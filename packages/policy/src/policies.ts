import { clipWarning, deprecatedUseWarning, gatedFeatures, nestsTooDeep, projectOf, useWarning, type ApiFeature, type ConfigMapRef, type Registry, type RootKind, type Stability } from '@featuregates/gates';
import { anyOf, lit } from './cel-text';
import { Decisions, type FeatureDecision, type Variable } from './decisions';
import { buildViews, type View } from './views';
import { pathPatterns, Walks, type WalkLimits } from './walks';

export interface PolicyOptions {
  /** The bundle's ceiling: features less stable than it are refused whatever the ConfigMap says. */
  variant: Stability;
  /** Path segments the walk follows before refusing an object (the gate model's `maxDepth`). */
  maxDepth?: number;
  /** Index lists for ratcheting changed lists element by element on UPDATE: up to blockSize × blocks elements. */
  ratchetBlocks?: { blockSize: number; blocks: number };
  /** The feature-flags ConfigMap the bindings read; the catalog's own when omitted. */
  configMap?: ConfigMapRef;
}

/** 16 segments: a PipelineRun's pipeline with two levels of pipelines embedded in pipeline tasks, each down to its steps' fields (10 + 3 a level). */
export const DEFAULT_MAX_DEPTH = 16;
/** 32 blocks of 32 indices: changed lists of up to 1,024 elements ratchet by index, for at most 64 steps of index iteration each. */
export const DEFAULT_RATCHET_BLOCKS = { blockSize: 32, blocks: 32 };

export interface Validation {
  expression: string;
  messageExpression: string;
  reason?: string;
}

export type KubernetesObject = Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> } };

export interface PolicySet {
  deny: { policy: KubernetesObject; binding: KubernetesObject };
  /** Absent when no feature can be on and below stable (the stable bundle): a policy needs a validation. */
  warn?: { policy: KubernetesObject; binding: KubernetesObject };
  limits: WalkLimits;
}

/** Kubernetes' guess from a kind to its resource (meta.UnsafeGuessKindToResource): lower case, then `s`, `es` or `ies`. */
export function resourceOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower.endsWith('s')) return `${lower}es`;
  if (lower.endsWith('y')) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

function kindGuard(kinds: readonly RootKind[]): string {
  const byGroupKind = new Map<string, { group: string; kind: string; versions: string[] }>();
  for (const kind of kinds) {
    const key = `${kind.group}/${kind.kind}`;
    const entry = byGroupKind.get(key) ?? { group: kind.group, kind: kind.kind, versions: [] };
    entry.versions.push(kind.version);
    byGroupKind.set(key, entry);
  }
  return anyOf(
    [...byGroupKind.values()].map(
      ({ group, kind, versions }) =>
        `(request.kind.group == ${lit(group)} && request.kind.kind == ${lit(kind)} && request.kind.version in [${versions.map((v) => lit(v)).join(', ')}])`,
    ),
  );
}

/** Each (feature, title) pair a root View can reach, in the catalog's feature order. */
function checksUnder(root: View): { feature: ApiFeature; title: string }[] {
  const found: { feature: ApiFeature; title: string }[] = [];
  const seen = new Set<View>();
  const stack = [root];
  while (stack.length > 0) {
    const view = stack.pop() as View;
    if (seen.has(view)) continue;
    seen.add(view);
    for (const check of view.checks) {
      if (!found.some((entry) => entry.feature === check.feature && entry.title === check.title)) found.push({ feature: check.feature, title: check.title });
    }
    for (const f of view.fields) stack.push(f.child);
  }
  return found;
}

/** Only the variables an expression list reads, directly or through other variables, in declaration order. */
function neededVariables(variables: readonly Variable[], expressions: readonly string[]): Variable[] {
  const needed = new Set<string>();
  const read = (text: string) => {
    for (const match of text.matchAll(/variables\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
      if (needed.has(match[1])) continue;
      needed.add(match[1]);
      const variable = variables.find((entry) => entry.name === match[1]);
      if (!variable) throw new Error(`the policy reads an undeclared variable ${match[1]}`);
      read(variable.expression);
    }
  };
  for (const expression of expressions) read(expression);
  return variables.filter((variable) => needed.has(variable.name));
}

/**
 * The admission policies of a catalog under a bundle ceiling: one that denies what `evaluate`
 * rejects, and one that warns about uses of alpha and beta features that are on.
 */
export function buildPolicies(registry: Registry, options: PolicyOptions): PolicySet {
  const project = projectOf(registry);
  const limits: WalkLimits = { maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, ratchetBlocks: options.ratchetBlocks ?? DEFAULT_RATCHET_BLOCKS };
  const decisions = new Decisions(registry, options.variant);
  const decided = new Map<ApiFeature, FeatureDecision>();
  const decisionOf = (feature: ApiFeature): FeatureDecision => {
    let decision = decided.get(feature);
    if (!decision) {
      decision = decisions.decide(feature, gatedFeatures(registry).indexOf(feature));
      decided.set(feature, decision);
    }
    return decision;
  };
  const variables: Variable[] = [];
  const deny: Validation[] = [];
  const warn: Validation[] = [];
  const gatedKinds: RootKind[] = [];
  const views = buildViews(registry);
  const types = [...views.keys()];
  const noChecks = new Walks(limits, () => undefined);

  types.forEach((type, t) => {
    const root = views.get(type) as View;
    const kinds = registry.kinds.filter((kind) => kind.type === type);
    const kindVar = `variables.kind${t}`;
    const before = deny.length;
    // One token per (feature, title): a walk concatenates the tokens of the uses it finds.
    const checks = checksUnder(root)
      .map(({ feature, title }) => ({ feature, title, decision: decisionOf(feature) }))
      .map((entry, n) => ({ ...entry, token: `|${n}|` }));
    // Refused when off; warned about when on and alpha, beta or deprecated.
    const gated = checks.filter(({ decision }) => decision.on !== 'true');
    const warned = checks.filter(({ feature, decision }) => (feature.stability !== 'stable' || feature.deprecated !== undefined) && decision.on !== 'false');
    const tokenIn = (list: typeof gated) => (check: { feature: ApiFeature; title: string }) => list.find((entry) => entry.feature === check.feature && entry.title === check.title)?.token;
    const onOf = (check: { feature: ApiFeature }) => decisionOf(check.feature).on;
    // Checks run only where they can change the answer: the Deny walk for features that are off, the Warn walk for those on.
    const walks = new Walks(limits, tokenIn(gated), (check) => (onOf(check) === 'false' ? undefined : `!${onOf(check)}`));
    const warnWalks = new Walks(limits, tokenIn(warned), (check) => (onOf(check) === 'true' ? undefined : onOf(check)));
    const used = `variables.uses${t}`;
    const fresh = `variables.fresh${t}`;
    const reachable = gated.filter(({ feature, title }) => new Walks(limits, tokenIn([{ feature, title, decision: decisionOf(feature), token: '|' }])).reachable(root));
    if (reachable.length > 0) {
      variables.push({ name: used.slice(10), expression: `${kindVar} ? ${walks.uses(root, 'object', 0)} : ""` });
      variables.push({ name: fresh.slice(10), expression: `${kindVar} && variables.upd ? ${walks.newUses(root, 'object', 'oldObject', 0)} : ""` });
    }
    const warnedReachable = warned.filter(({ feature, title, decision }) => new Walks(limits, tokenIn([{ feature, title, decision, token: '|' }])).reachable(root));
    if (warnedReachable.length > 0) variables.push({ name: `warnUses${t}`, expression: `${kindVar} ? ${warnWalks.uses(root, 'object', 0)} : ""` });
    const select = (feature: ApiFeature, title: string) => (check: { feature: ApiFeature; title: string }) => check.feature === feature && check.title === title;
    for (const { feature, title, decision, token } of reachable) {
      const patterns = pathPatterns(root, select(feature, title)).join(', ');
      const use = `${used}.contains(${lit(token)})`;
      const kept = `(variables.upd && !${fresh}.contains(${lit(token)}))`;
      deny.push({
        expression: decision.on === 'false' ? `!${use} || ${kept}` : `${decision.on} || !${use} || ${kept}`,
        messageExpression: decision.message(patterns, title),
        reason: 'Invalid',
      });
    }
    for (const { feature, title, decision, token } of warnedReachable) {
      const all = pathPatterns(root, select(feature, title));
      // A warning should stay within Kubernetes' 120 characters: it names the shortest of the places.
      const shortest = all.reduce((a, b) => (b.length < a.length ? b : a));
      const where = all.length > 1 ? `${shortest} (and ${all.length - 1} more)` : shortest;
      const expression = `${decision.on === 'true' ? '' : `!${decision.on} || `}!variables.warnUses${t}.contains(${lit(token)})`;
      if (feature.stability !== 'stable') warn.push({ expression, messageExpression: lit(clipWarning(useWarning(where, feature.name, feature.stability))) });
      const notice = feature.deprecated;
      if (notice) warn.push({ expression, messageExpression: lit(clipWarning(deprecatedUseWarning(where, feature.name, notice.message, notice.removalNotBefore))) });
    }
    const tooDeepNew = noChecks.tooDeep(root, 'object', 0);
    if (tooDeepNew !== 'false') {
      deny.push({ expression: `!${kindVar} || !${tooDeepNew}`, messageExpression: lit(nestsTooDeep(limits.maxDepth)), reason: 'Invalid' });
      const off = reachable.map(({ decision, token }) => (decision.on === 'false' ? `${used}.contains(${lit(token)})` : `(!${decision.on} && ${used}.contains(${lit(token)}))`));
      if (off.length > 0) {
        deny.push({
          expression: `!${kindVar} || !variables.upd || !${anyOf(off)} || !${noChecks.tooDeep(root, 'oldObject', 0)}`,
          messageExpression: lit(`oldObject: ${nestsTooDeep(limits.maxDepth)}`),
          reason: 'Invalid',
        });
      }
    }
    if (deny.length > before) {
      variables.push({ name: `kind${t}`, expression: kindGuard(kinds) });
      gatedKinds.push(...kinds);
    }
  });

  // Kind guards first, then the config's variables, then the walks that read both.
  const ordered = [...variables.filter((v) => v.name.startsWith('kind')), ...decisions.variables, ...variables.filter((v) => !v.name.startsWith('kind'))];
  if (ordered.some((variable) => variable.expression.includes('variables.blocks'))) {
    const { blockSize, blocks } = limits.ratchetBlocks;
    const block = (b: number) => `[${Array.from({ length: blockSize }, (_, i) => b * blockSize + i).join(', ')}]`;
    ordered.unshift({ name: 'blocks', expression: `[${Array.from({ length: blocks }, (_, b) => block(b)).join(', ')}]` });
  }

  const configMap = options.configMap ?? project.configMap;
  const labels = { 'app.kubernetes.io/part-of': 'featuregates', 'featuregates.dev/catalog': project.id, 'featuregates.dev/bundle': options.variant };
  const resourceRules = resourceRulesOf(gatedKinds);
  const policy = (name: string, validations: Validation[]): KubernetesObject => ({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name, labels },
    spec: {
      failurePolicy: 'Fail',
      paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
      matchConstraints: { matchPolicy: 'Exact', resourceRules },
      variables: neededVariables(ordered, validations.flatMap((v) => [v.expression, v.messageExpression])),
      validations,
    },
  });
  const binding = (name: string, policyName: string, action: 'Deny' | 'Warn'): KubernetesObject => ({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name, labels },
    spec: {
      policyName,
      paramRef: { name: configMap.name, namespace: configMap.namespace, parameterNotFoundAction: 'Deny' },
      validationActions: [action],
    },
  });
  const denyName = `${project.id}-feature-gates`;
  const warnName = `${project.id}-feature-gate-warnings`;
  return {
    deny: { policy: policy(denyName, deny), binding: binding(denyName, denyName, 'Deny') },
    ...(warn.length > 0 ? { warn: { policy: policy(warnName, warn), binding: binding(warnName, warnName, 'Warn') } } : {}),
    limits,
  };
}

function resourceRulesOf(kinds: readonly RootKind[]) {
  const byGroupVersion = new Map<string, { group: string; version: string; resources: string[] }>();
  for (const kind of kinds) {
    const key = `${kind.group}/${kind.version}`;
    const entry = byGroupVersion.get(key) ?? { group: kind.group, version: kind.version, resources: [] };
    const resource = resourceOf(kind.kind);
    if (!entry.resources.includes(resource)) entry.resources.push(resource);
    byGroupVersion.set(key, entry);
  }
  // Only the resources themselves: `<resource>/status` and other subresources are never matched.
  return [...byGroupVersion.values()].map(({ group, version, resources }) => ({
    apiGroups: [group],
    apiVersions: [version],
    resources,
    operations: ['CREATE', 'UPDATE'],
    scope: '*',
  }));
}
