import { bundlesOffering, compareStability, STABILITIES, type Stability } from '@featuregates/gates';
import { laterOf } from './diff';
import { featureFlagText, pathsText } from './entries';
import { earliestText } from './messages';
import { featureRef } from './refs';
import type { FlagEntry, Notice, Snapshot } from './types';
import { earliestAfter, featureWindow, flagWindow, levelWindow, type Window } from './windows';

/** Where `featuregates docs` writes, relative to the workspace root. */
export const DOCS_PATH = 'docs/features.md';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string): string => `\`${text}\``;
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
const table = (header: readonly string[], rows: readonly string[][]): string[] => [row(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(row)];

function allowedValues(flag: FlagEntry): string {
  const marked = (value: string) => (flag.valueStability?.[value] ? `${code(value)} (${flag.valueStability[value]})` : code(value));
  if (flag.type === 'bool') return ['true', 'false'].map(marked).join(', ');
  if (flag.values) return `${flag.type === 'list' ? 'comma-separated: ' : ''}${flag.values.map(marked).join(', ')}`;
  if (flag.type === 'int') return `an integer${flag.min !== undefined ? ` from ${flag.min}` : ''}${flag.max !== undefined ? ` to ${flag.max}` : ''}`;
  return 'any string';
}

/**
 * When a notice's change may ship, from the catalog alone (so that the docs hold no date of their
 * own): the promised date, or the window from a notice the catalog's history dates; otherwise the
 * window counts from the release that ships the notice.
 */
function noticeWhen(notice: Notice, window: Window, promised: string | undefined, what: string): string {
  if (notice.release === 'catalog') return `${what} not before ${earliestText(laterOf(earliestAfter(notice, window), promised))}`;
  if (promised) return `${what} not before ${promised}`;
  return window.kind === 'release' ? `${what} in any release after the one that ships this notice` : `${what} not before ${window.months} months after the release that ships this notice`;
}

function replaced(notice: Notice): string {
  return notice.replacedBy ? `; replaced by ${notice.replacedBy}` : '';
}

function flagDeprecation(flag: FlagEntry): string {
  const window = flagWindow(flag);
  const parts = [
    ...(flag.deprecated
      ? [`deprecated since ${flag.deprecated.since}: ${flag.deprecated.message}; ${noticeWhen(flag.deprecated, window, flag.deprecated.removalNotBefore, 'removal')}${replaced(flag.deprecated)}`]
      : []),
    ...(flag.deprecatedValues ?? []).map((entry) => `value ${code(entry.value)} deprecated: ${entry.message}`),
    ...(flag.defaultChange
      ? [`default becomes ${code(flag.defaultChange.to || '""')} (since ${flag.defaultChange.since}): ${flag.defaultChange.message}; ${noticeWhen(flag.defaultChange, window, flag.defaultChange.flipNotBefore, 'flip')}`]
      : []),
  ];
  return parts.length > 0 ? parts.join('; ') : '—';
}

/**
 * `docs/features.md` (TEP-0033's "table of fields that are considered alpha or beta", and an
 * alpha and beta section per kind): generated from the catalog, so it cannot drift from the code.
 * It holds nothing date-dependent, so a fresh generation equals the committed file.
 */
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const words = (items: readonly string[], conjunction: string): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;

/** Where each gated level's features can be turned on, in the declared levels' bundles. */
function bundlesSentence(gatedLevels: readonly Stability[], levels: readonly Stability[]): string {
  return gatedLevels
    .map((stability, index) => {
      const bundles = bundlesOffering(stability, levels);
      return `${stability} features ${index === 0 ? 'are ' : ''}in the ${words(bundles, 'and')} bundle${bundles.length > 1 ? 's' : bundles.length === 1 && stability === bundles[0] ? ' only' : ''}`;
    })
    .join(', ');
}

export function renderDocs(snapshot: Snapshot): string {
  const key = snapshot.level.key;
  const levels: readonly Stability[] = snapshot.level.levels ?? STABILITIES;
  // The levels that gate anything, least stable first: "alpha and beta" for Tekton, "alpha" for a stable/alpha catalog.
  const gatedLevels = levels.filter((level) => level !== 'stable');
  const gatedWords = words(gatedLevels, 'and');
  const levelWords = words([...levels].reverse().map(code), 'or');
  const gated = Object.entries(snapshot.features)
    .filter(([, feature]) => feature.stability !== 'stable')
    .sort(([a, x], [b, y]) => compareStability(x.stability, y.stability) || (a < b ? -1 : 1));
  const lines: string[] = [
    `# Feature gates of ${snapshot.catalog}`,
    '',
    '<!-- Generated by `featuregates docs` from the catalog: do not edit. Change the catalog, then run `featuregates docs`. -->',
    '',
    `${code(key)} takes ${levelWords} (default ${code(snapshot.level.default)}): the lowest maturity of gated API fields that are on. ` +
      (snapshot.level.ownFlagRule === 'own-flag-decides'
        ? `A feature with its own flag is on exactly when that flag is \`"true"\`; unset, the flag keeps its default (false below stable, true once stable), and ${code(key)} never turns it on (rule \`own-flag-decides\`). `
        : 'A feature with its own flag is decided by that flag when the ConfigMap sets it, and by the level otherwise (rule `own-flag-overrides-level`). ') +
      `A bundle cannot turn on anything less stable than its ceiling: ${bundlesSentence(gatedLevels, levels)}.`,
    '',
    ...(snapshot.level.notice
      ? [
          `The default of ${code(key)} becomes ${code(snapshot.level.notice.to)} (since ${snapshot.level.notice.since}): ${snapshot.level.notice.message}; ${noticeWhen(snapshot.level.notice, levelWindow(snapshot), snapshot.level.notice.flipNotBefore, 'flip')}. Pin ${code(`${key}: ${snapshot.level.default}`)} to keep today's behaviour.`,
          '',
        ]
      : []),
    `## ${capitalised(gatedWords)} features`,
    '',
    ...table(
      ['feature', 'stability', 'flag', 'paths', 'introduced in', 'promoted in'],
      gated.map(([name, feature]) => [
        feature.docs ? `[${code(name)}](${feature.docs})` : code(name),
        feature.deprecated ? `${feature.stability}, deprecated` : feature.stability,
        featureFlagText(featureRef(name, feature, key, levels, snapshot.level.ownFlagRule)),
        pathsText(feature.paths),
        feature.introduced ?? '—',
        feature.promoted.length > 0 ? feature.promoted.join(', ') : '—',
      ]),
    ),
    '',
  ];
  const deprecated = gated.filter(([, feature]) => feature.deprecated);
  if (deprecated.length > 0) {
    lines.push(
      'Deprecated features:',
      '',
      ...deprecated.map(([name, feature]) => {
        const notice = feature.deprecated as Notice;
        return `- ${code(name)} (since ${notice.since}): ${notice.message}; ${noticeWhen(notice, featureWindow(feature, snapshot), notice.removalNotBefore, 'removal')}${replaced(notice)}`;
      }),
      '',
    );
  }

  const forbiddable = Object.entries(snapshot.features).filter(([, feature]) => feature.stability === 'stable');
  if (forbiddable.length > 0) {
    lines.push(
      '## Stable features',
      '',
      ...table(
        ['feature', 'paths', 'can be forbidden by'],
        forbiddable.map(([name, feature]) => [
          code(name),
          pathsText(feature.paths),
          feature.disabledBy ? `${code(feature.disabledBy.flag)} containing ${code(feature.disabledBy.contains)}` : '—',
        ]),
      ),
      '',
    );
  }

  lines.push(`## ${capitalised(gatedWords)} fields per kind`, '');
  for (const [label, kind] of Object.entries(snapshot.kinds).sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`### ${label} (${kind.stability})`, '');
    let any = false;
    for (const stability of gatedLevels) {
      const rows = gated
        .filter(([, feature]) => feature.stability === stability)
        .flatMap(([name, feature]) => (feature.paths[label] ?? []).map((path) => ({ path, name, flag: feature.flag ?? `${key}: ${stability}` })))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.name < b.name ? -1 : 1))
        .map(({ path, name, flag }) => [code(path), code(name), code(flag)]);
      if (rows.length === 0) continue;
      any = true;
      lines.push(`${capitalised(stability)} fields:`, '', ...table(['path', 'feature', 'turned on by'], rows), '');
    }
    if (!any) lines.push(`No ${words(gatedLevels, 'or')} fields.`, '');
  }

  lines.push(
    '## Behaviour flags',
    '',
    ...table(
      ['key', 'type', 'default', 'allowed values', 'stability', 'deprecation'],
      Object.entries(snapshot.flags).map(([flagKey, flag]) => [
        code(flagKey),
        flag.type,
        code(flag.default || '""'),
        allowedValues(flag),
        flag.feature ? `${flag.stability} (own flag of ${code(flag.feature)})` : flag.stability,
        flagDeprecation(flag),
      ]),
    ),
    '',
  );

  const tombstones = Object.entries(snapshot.tombstones);
  const removedFeatures = Object.entries(snapshot.removedFeatures ?? {});
  if (tombstones.length + removedFeatures.length > 0) lines.push('## Removed', '');
  if (removedFeatures.length > 0) {
    lines.push(
      '### Removed features',
      '',
      'A use of one of these fields is refused at every level, with "removed in RELEASE: NOTE".',
      '',
      ...table(
        ['feature', 'was', 'paths', 'removed in', 'note', 'replaced by', 'history'],
        removedFeatures.map(([name, removed]) => [
          code(name),
          removed.stability,
          pathsText(removed.paths),
          removed.removedIn,
          removed.note,
          removed.replacedBy ?? '—',
          removed.history.length > 0 ? removed.history.join('; ') : '—',
        ]),
      ),
      '',
    );
  }
  if (tombstones.length > 0) {
    lines.push(
      '### Removed keys (tombstones)',
      '',
      'A ConfigMap that still sets one of these loads with a warning, never an error.',
      '',
      ...table(
        ['key', 'shipped', 'removed in', 'note', 'replaced by'],
        tombstones.map(([tombstoneKey, tombstone]) => [code(tombstoneKey), `${tombstone.firstShipped ?? '?'}–${tombstone.lastShipped}`, tombstone.removedIn, tombstone.note, tombstone.replacedBy ?? '—']),
      ),
      '',
    );
  }
  const aliases = Object.entries(snapshot.aliases);
  if (aliases.length > 0) {
    lines.push('## Misspelt keys', '', ...table(['key', 'applies to', 'note'], aliases.map(([aliasKey, alias]) => [code(aliasKey), code(alias.target), alias.note])), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
