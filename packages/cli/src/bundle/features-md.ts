import { bundlesOffering, formatValue, gatedPaths, kindLabel, levelAdmits, moreStable, settingStability, tombstoneFeature, type Project, type Registry } from '@featuregates/gates';
import type { Variant } from './variants';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** What one variant includes: every feature and flag, its stability, and whether it can be turned on here. */
export function featuresMarkdown(registry: Registry, project: Project, variant: Variant, version: string): string {
  const level = moreStable(registry.defaultLevel, variant.name);
  const lines = [
    `# featuregates ${version}: the ${variant.name} bundle of ${project.displayName}`,
    '',
    variant.summary,
    '',
    `\`${registry.apiFieldsKey}\` defaults to \`${level}\` here and may be ${[...project.levels]
      .reverse()
      .filter((l) => levelAdmits(variant.name, l))
      .map((l) => `\`${l}\``)
      .join(', ')}. Every bundle knows every feature, so a field this bundle cannot turn on is rejected with a message naming the bundle that can.`,
    '',
    '## API features',
    '',
    '| feature | stability | own flag | can be on here | gates |',
    '|---|---|---|---|---|',
  ];
  for (const feature of registry.features) {
    const here = levelAdmits(variant.name, feature.stability);
    const offering = bundlesOffering(feature.stability, project.levels);
    const how = feature.disabledBy
      ? `yes, unless \`${feature.disabledBy.flag}\` contains \`${feature.disabledBy.contains}\``
      : here
        ? feature.stability === 'stable'
          ? 'always'
          : feature.flag && project.ownFlagRule === 'own-flag-decides'
            ? `yes: \`${feature.flag}: "true"\` (own-flag-decides: not \`${registry.apiFieldsKey}\`)`
            : `yes: \`${registry.apiFieldsKey}: ${feature.stability}\`${feature.flag ? ` or \`${feature.flag}: "true"\`` : ''}`
        : `no: in the ${offering.join(' and ')} bundle${offering.length > 1 ? 's' : ''}`;
    const paths = [...new Set(gatedPaths(registry, feature).map(({ kind, path }) => `${kindLabel(kind)} \`${path}\``))];
    const shown = paths.slice(0, 4).join('<br>') + (paths.length > 4 ? `<br>… ${paths.length - 4} more` : '');
    lines.push(`| ${feature.name} | ${feature.stability} | ${feature.flag ? `\`${feature.flag}\`` : ''} | ${cell(how)} | ${shown} |`);
  }
  lines.push('', '## Behaviour flags', '', '| key | type | default | values allowed here | refused here | deprecated |', '|---|---|---|---|---|---|');
  for (const flag of registry.flags) {
    const candidates = flag.type === 'bool' ? ['true', 'false'] : flag.type === 'enum' ? [...(flag.values ?? [])] : [];
    const allowed = candidates.filter((value) => levelAdmits(variant.name, settingStability(flag, value)));
    const refused = candidates.filter((value) => !allowed.includes(value));
    const values = candidates.length > 0 ? allowed.join(', ') : flag.type === 'list' ? `subset of ${(flag.values ?? []).join(', ')}` : flag.type === 'int' ? 'an integer' : 'any string';
    lines.push(
      `| \`${flag.key}\` | ${flag.type} | \`${cell(formatValue(flag.default)) || '""'}\` | ${cell(values)} | ${refused.join(', ')} | ${flag.deprecated ? `since ${flag.deprecated.since}${flag.deprecated.removalNotBefore ? `, removal not before ${flag.deprecated.removalNotBefore}` : ''}` : ''} |`,
    );
  }
  const changes = [
    ...(registry.levelDefaultChange ? [{ key: registry.apiFieldsKey, from: level, to: moreStable(registry.levelDefaultChange.to, variant.name), change: registry.levelDefaultChange }] : []),
    ...registry.flags.flatMap((flag) => (flag.defaultChange ? [{ key: flag.key, from: formatValue(flag.default), to: formatValue(flag.defaultChange.to), change: flag.defaultChange }] : [])),
  ].filter(({ from, to }) => from !== to);
  if (changes.length > 0) {
    lines.push('', '## Announced default changes (a ConfigMap that leaves the key unset is warned; set it to pin either value)', '', '| key | default now | becomes | not before | why |', '|---|---|---|---|---|');
    for (const { key, from, to, change } of changes) lines.push(`| \`${key}\` | \`${from}\` | \`${to}\` | ${change.flipNotBefore ?? 'not announced'} | ${cell(change.message)} |`);
  }
  const deprecated = registry.features.filter((feature) => feature.deprecated);
  if (deprecated.length > 0) {
    lines.push('', '## Deprecated features (a use is warned about)', '', '| feature | since | removal not before | replaced by | why |', '|---|---|---|---|---|');
    for (const { name, deprecated: notice } of deprecated) {
      if (notice) lines.push(`| ${name} | ${notice.since} | ${notice.removalNotBefore ?? 'not announced'} | ${cell(notice.replacedBy ?? '')} | ${cell(notice.message)} |`);
    }
  }
  const removed = registry.removedFeatures ?? [];
  if (removed.length > 0) {
    lines.push('', '## Removed features (refused at every level, in every bundle)', '', '| feature | removed in | note | replaced by | refused at |', '|---|---|---|---|---|');
    for (const entry of removed) {
      const paths = [...new Set(gatedPaths(registry, tombstoneFeature(entry)).map(({ kind, path }) => `${kindLabel(kind)} \`${path}\``))];
      lines.push(`| ${entry.name} | ${entry.removedIn} | ${cell(entry.note)} | ${cell(entry.replacedBy ?? '')} | ${paths.slice(0, 4).join('<br>')}${paths.length > 4 ? `<br>… ${paths.length - 4} more` : ''} |`);
    }
  }
  lines.push('', '## Removed keys (load with a warning)', '', '| key | removed in | note |', '|---|---|---|');
  for (const tombstone of registry.tombstones) lines.push(`| \`${tombstone.key}\` | ${tombstone.removedIn} | ${cell(tombstone.note)} |`);
  for (const alias of registry.aliases) lines.push(`| \`${alias.key}\` | misspelt | ${cell(`${alias.note}; applies to \`${alias.target}\``)} |`);
  return `${lines.join('\n')}\n`;
}
