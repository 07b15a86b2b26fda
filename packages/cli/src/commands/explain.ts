import {
  BUILD_CEILING,
  bundlesOffering,
  didYouMean,
  formatValue,
  gatedPaths,
  kindLabel,
  levelAdmits,
  ownFlagRuleText,
  projectOf,
  type ApiFeature,
  type BehaviorFlag,
  type HistoryEntry,
  type Project,
  type Registry,
} from '@featuregates/gates';
import { EXIT, type Io } from '../io';

function historyLines(history: readonly HistoryEntry[]): string[] {
  return history.map((entry) => {
    const parts = [entry.event, entry.stability ? `as ${entry.stability}` : '', entry.default !== undefined ? `default ${JSON.stringify(entry.default)}` : '', entry.note ? `(${entry.note})` : ''];
    return `  ${entry.release}${entry.date ? ` (${entry.date})` : ''}: ${parts.filter(Boolean).join(' ')}`;
  });
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
    ...(flag.deprecated ? [`deprecated since ${flag.deprecated.since}: ${flag.deprecated.message}`] : []),
    'history:',
    ...historyLines(flag.history),
    `to set it: kubectl patch cm ${project.configMap.name} -n ${project.configMap.namespace} -p '{"data":{"${flag.key}":"VALUE"}}'`,
  ];
}

/** Explains a feature, flag, removed key or misspelt key: stability, paths, default, history, how to turn it on. */
export function explain(registry: Registry, name: string, io: Io, project: Project = projectOf(registry)): number {
  const lowered = name.toLowerCase();
  const feature = registry.features.find((entry) => entry.name === lowered) ?? registry.features.find((entry) => entry.title.toLowerCase() === lowered);
  const flag = registry.flags.find((entry) => entry.key === lowered);
  const tombstone = registry.tombstones.find((entry) => entry.key === lowered);
  const alias = registry.aliases.find((entry) => entry.key === lowered);
  let lines: string[] | undefined;
  if (feature) lines = explainFeature(registry, feature);
  else if (flag) lines = explainFlag(registry, project, flag);
  else if (lowered === registry.apiFieldsKey) {
    lines = [
      `${registry.apiFieldsKey}: stable, beta or alpha; default "${registry.defaultLevel}" (lowered to this build's ceiling "${BUILD_CEILING}")`,
      registry.apiFieldsDescription,
      'gated features:',
      ...registry.features.filter((entry) => entry.stability !== 'stable').map((entry) => `  ${entry.name}: ${entry.stability}${entry.flag ? ` (own flag ${entry.flag})` : ''}`),
      'history:',
      ...historyLines(registry.apiFieldsHistory),
    ];
  } else if (tombstone) {
    lines = [
      `removed key ${tombstone.key}: shipped ${tombstone.firstShipped ?? '?'}–${tombstone.lastShipped}, removed in ${tombstone.removedIn}`,
      tombstone.note,
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
  const names = [...registry.features.map((entry) => entry.name), ...registry.flags.map((entry) => entry.key), registry.apiFieldsKey, ...registry.tombstones.map((entry) => entry.key)];
  const suggestion = didYouMean(name, names);
  io.err(`unknown feature or flag "${name}"${suggestion ? `: did you mean "${suggestion}"?` : `; \`featuregates explain ${registry.apiFieldsKey}\` lists the gated features`}`);
  return EXIT.rejected;
}
