import {
  BUILD_CEILING,
  bundlesOffering,
  deprecationClause,
  didYouMean,
  formatValue,
  gatedPaths,
  kindLabel,
  levelAdmits,
  ownFlagRuleText,
  projectOf,
  tombstoneFeature,
  type ApiFeature,
  type BehaviorFlag,
  type DefaultChange,
  type Deprecation,
  type HistoryEntry,
  type Project,
  type Registry,
  type RemovedFeature,
} from '@featuregates/gates';
import { EXIT, type Io } from '../io';

function historyLines(history: readonly HistoryEntry[]): string[] {
  return history.map((entry) => {
    const parts = [entry.event, entry.stability ? `as ${entry.stability}` : '', entry.default !== undefined ? `default ${JSON.stringify(entry.default)}` : '', entry.note ? `(${entry.note})` : ''];
    return `  ${entry.release}${entry.date ? ` (${entry.date})` : ''}: ${parts.filter(Boolean).join(' ')}`;
  });
}

/** A deprecation notice as users meet it elsewhere ("deprecated: MESSAGE; removal not before DATE"), and what replaces it. */
function noticeLines(notice: Deprecation): string[] {
  return [
    `${deprecationClause(notice.message, notice.removalNotBefore)} (announced in ${notice.since})`,
    ...(notice.removalNotBefore ? [] : ['  no removal date announced yet']),
    ...(notice.replacedBy ? [`  replaced by: ${notice.replacedBy}`] : []),
  ];
}

/** An announced default change, and what a cluster that relies on the default should do. */
function defaultChangeLines(key: string, from: string, change: DefaultChange<string | number | boolean>): string[] {
  const when = change.flipNotBefore ? `not before ${change.flipNotBefore}` : 'no date announced yet';
  return [
    `default changes: "${from}" → "${String(change.to)}" (${when}; announced in ${change.since}): ${change.message}`,
    `  a ConfigMap that leaves "${key}" unset is warned; set "${key}" to pin either value`,
  ];
}

function explainRemoved(registry: Registry, removed: RemovedFeature): string[] {
  const paths = gatedPaths(registry, tombstoneFeature(removed)).map(({ kind, path }) => `  ${kindLabel(kind)}: ${path}`);
  return [
    `removed feature ${removed.name} ("${removed.title}"): ${removed.stability} until removed in ${removed.removedIn}`,
    removed.description,
    `removed in ${removed.removedIn}: ${removed.note}`,
    ...(removed.replacedBy ? [`replaced by: ${removed.replacedBy}`] : []),
    ...(removed.flag ? [`its own flag ${removed.flag} was removed with it: an old ConfigMap that sets it loads with a warning`] : []),
    'refused at every level and in every bundle, at:',
    ...paths,
    'history:',
    ...historyLines(removed.history),
    'an existing object that already has the field is kept on update (with a warning); a new use is refused: remove the field',
  ];
}

function howToTurnOn(registry: Registry, feature: ApiFeature): string[] {
  const key = registry.apiFieldsKey;
  if (feature.disabledBy) return [`on unless "${feature.disabledBy.flag}" contains "${feature.disabledBy.contains}"`];
  if (!levelAdmits(BUILD_CEILING, feature.stability)) {
    return [`this ${BUILD_CEILING} bundle cannot turn it on: install the ${bundlesOffering(feature.stability).join(' or ')} bundle`];
  }
  const lines: string[] = [];
  if (feature.flag && projectOf(registry).ownFlagRule === 'own-flag-decides') {
    return [`set its own flag "${feature.flag}" to "true"; "${key}" does not turn it on`, ownFlagRuleText('own-flag-decides', key)];
  }
  if (feature.stability !== 'stable') lines.push(`set "${key}" to "${feature.stability}"${feature.stability === 'beta' ? ' (or "alpha")' : ''}`);
  if (feature.flag) {
    lines.push(`or set its own flag "${feature.flag}" to "true", which decides whatever "${key}" says`);
    lines.push(`(and "${feature.flag}": "false" keeps it off even under "${key}": "alpha")`);
    lines.push(ownFlagRuleText('own-flag-overrides-level', key));
  }
  return lines;
}

function explainFeature(registry: Registry, feature: ApiFeature): string[] {
  const paths = gatedPaths(registry, feature).map(({ kind, path }) => `  ${kindLabel(kind)}: ${path}`);
  return [
    `feature ${feature.name} ("${feature.title}"): ${feature.stability}`,
    feature.description,
    ...(feature.flag ? [`own flag: ${feature.flag}`] : []),
    ...(feature.deprecated ? noticeLines(feature.deprecated) : []),
    'gates:',
    ...paths,
    'history:',
    ...historyLines(feature.history),
    'to turn it on:',
    ...howToTurnOn(registry, feature).map((line) => `  ${line}`),
    ...(feature.docs ? [`docs: ${feature.docs}`] : []),
  ];
}

function explainFlag(registry: Registry, project: Project, flag: BehaviorFlag): string[] {
  const key = registry.apiFieldsKey;
  const values = flag.type === 'bool' ? 'true, false' : flag.values?.join(', ') ?? (flag.type === 'int' ? 'an integer' : 'any string');
  const asks = Object.entries(flag.valueStability ?? {}).map(([value, stability]) => `${value} is ${stability}`);
  return [
    `flag ${flag.key}: ${flag.type}, default ${JSON.stringify(formatValue(flag.default))}, ${flag.stability}`,
    flag.description,
    `values: ${values}${asks.length > 0 ? ` (${asks.join('; ')})` : ''}`,
    ...(flag.feature ? [`own flag of feature ${flag.feature}; ${ownFlagRuleText(project.ownFlagRule, key)}`] : []),
    ...(flag.impliedBy ? [`"${key}": "${flag.impliedBy}" forces it on`] : []),
    ...(flag.deprecated ? noticeLines(flag.deprecated) : []),
    ...(flag.defaultChange ? defaultChangeLines(flag.key, formatValue(flag.default), flag.defaultChange) : []),
    'history:',
    ...historyLines(flag.history),
    `to set it: kubectl patch cm ${project.configMap.name} -n ${project.configMap.namespace} -p '{"data":{"${flag.key}":"VALUE"}}'`,
  ];
}

/** Explains a feature, flag, removed feature, removed key or misspelt key: stability, paths, default, history, deprecation and announced changes, how to turn it on. */
export function explain(registry: Registry, name: string, io: Io, project: Project = projectOf(registry)): number {
  const lowered = name.toLowerCase();
  const feature = registry.features.find((entry) => entry.name === lowered) ?? registry.features.find((entry) => entry.title.toLowerCase() === lowered);
  const flag = registry.flags.find((entry) => entry.key === lowered);
  const tombstone = registry.tombstones.find((entry) => entry.key === lowered);
  const alias = registry.aliases.find((entry) => entry.key === lowered);
  const removed = registry.removedFeatures?.find((entry) => entry.name === lowered) ?? registry.removedFeatures?.find((entry) => entry.title.toLowerCase() === lowered);
  let lines: string[] | undefined;
  if (feature) lines = explainFeature(registry, feature);
  else if (flag) lines = explainFlag(registry, project, flag);
  else if (removed && !tombstone) lines = explainRemoved(registry, removed);
  else if (lowered === registry.apiFieldsKey) {
    lines = [
      `${registry.apiFieldsKey}: stable, beta or alpha; default "${registry.defaultLevel}" (lowered to this build's ceiling "${BUILD_CEILING}")`,
      registry.apiFieldsDescription,
      'gated features:',
      ...registry.features.filter((entry) => entry.stability !== 'stable').map((entry) => `  ${entry.name}: ${entry.stability}${entry.flag ? ` (own flag ${entry.flag})` : ''}`),
      ...(registry.removedFeatures && registry.removedFeatures.length > 0
        ? ['removed features (refused at every level):', ...registry.removedFeatures.map((entry) => `  ${entry.name}: removed in ${entry.removedIn}`)]
        : []),
      ...(registry.levelDefaultChange ? defaultChangeLines(registry.apiFieldsKey, registry.defaultLevel, registry.levelDefaultChange) : []),
      'history:',
      ...historyLines(registry.apiFieldsHistory),
    ];
  } else if (tombstone) {
    const owner = registry.removedFeatures?.find((entry) => entry.flag === tombstone.key);
    lines = [
      `removed key ${tombstone.key}: shipped ${tombstone.firstShipped ?? '?'}–${tombstone.lastShipped}, removed in ${tombstone.removedIn}`,
      tombstone.note,
      ...(owner ? [`the own flag of removed feature ${owner.name}: featuregates explain ${owner.name}`] : []),
      'an old ConfigMap that still holds it loads with a warning; delete the key',
    ];
  } else if (alias) {
    lines = [`misspelt key ${alias.key} (${alias.note}): its value applies to "${alias.target}"; rename it`];
  }
  if (lines) {
    for (const line of lines) io.out(line);
    if (feature && flag) io.out(`(a flag "${flag.key}" also exists: featuregates explain ${flag.key})`);
    return EXIT.ok;
  }
  const names = [
    ...registry.features.map((entry) => entry.name),
    ...registry.flags.map((entry) => entry.key),
    registry.apiFieldsKey,
    ...registry.tombstones.map((entry) => entry.key),
    ...(registry.removedFeatures ?? []).map((entry) => entry.name),
  ];
  const suggestion = didYouMean(name, names);
  io.err(`unknown feature or flag "${name}"${suggestion ? `: did you mean "${suggestion}"?` : `; \`featuregates explain ${registry.apiFieldsKey}\` lists the gated features`}`);
  return EXIT.rejected;
}
