import { renderDocs } from './docs';
import { snapshotOf } from './snapshot';
import { edit, feature, flag, widgets } from './test-support/widgets';
// The gate model's two-level fixture (stable and alpha only, as Tekton Triggers has them).
import { twoLevels } from '../../gates/src/test-support/fixture';

/** The widgets catalog with a deprecated feature and flag, an announced default change and a removed feature. */
const catalog = edit(widgets(), (d) => {
  feature(d, 'fan-out').deprecated = { since: 'v2', message: 'use fan-out-v2', removalNotBefore: '2028-06-01', replacedBy: '`fan-out-v2`' };
  feature(d, 'fan-out').docs = 'https://example.dev/fan-out';
  flag(d, 'shiny').deprecated = { since: 'v2', message: 'shiny is always on' };
  flag(d, 'shiny').history = [{ release: 'v2', date: '2027-03-01', event: 'deprecated' }];
  flag(d, 'old-style').defaultChange = { to: false, since: 'v2', message: 'the new layout becomes the default', flipNotBefore: '2028-09-01' };
  d.removedFeatures = [
    {
      name: 'sparkle',
      title: 'sparkle',
      stability: 'alpha',
      description: 'Sparkle',
      uses: [{ type: 'Part', path: 'sparkle', match: { kind: 'present' } }],
      removedIn: 'v3',
      note: 'it never worked',
      replacedBy: '`glow`',
      history: [{ release: 'v1', event: 'introduced', stability: 'alpha' }, { release: 'v3', event: 'removed' }],
    },
  ];
});
const docs = renderDocs(snapshotOf(catalog, { version: 'unreleased', date: '2026-11-25' }));
const section = (heading: string): string => docs.slice(docs.indexOf(heading)).split(/\n#{2,3} /)[0];

describe('docs/features.md', () => {
  it('tables the alpha and beta features: name, stability, flag, YAML paths under their kinds, introduced and promoted in', () => {
    expect(docs).toContain(
      '| [`fan-out`](https://example.dev/fan-out) | beta, deprecated | `enable-api-fields: beta` | `spec.parts[].fanOut` in Widget (v1, v1beta1) | v0.3 (alpha) | v0.5 (beta) |',
    );
    expect(docs).toContain('| `sprockets` | beta | `enable-api-fields: beta` | `spec.sprockets` in Gadget (v1beta1) | — | — |');
    expect(docs).not.toContain('Part.fanOut');
    expect(section('## Alpha and beta features')).not.toContain('`inline`');
  });

  it('follows the catalog\'s own-flag rule, and never calls a stable feature\'s flag working where it has no effect', () => {
    const decides = edit(widgets(), (d) => void (d.ownFlagRule = 'own-flag-decides'));
    expect(renderDocs(snapshotOf(decides, { version: 'unreleased', date: '2026-11-25' }))).toContain('| `turbo` | alpha | own flag `enable-turbo` alone (`enable-api-fields` does not turn it on) |');
    expect(docs).toContain('| `turbo` | alpha | own flag `enable-turbo` (or `enable-api-fields: alpha` while it is unset) |');
  });

  it('has a section per kind listing its alpha and beta fields', () => {
    const widget = section('### example.dev/v1 Widget (stable)');
    expect(widget).toContain('| `spec.parts[].fanOut` | `fan-out` | `enable-api-fields: beta` |');
    expect(widget).toContain('| `spec.turbo` | `turbo` | `enable-turbo` |');
  });

  it('gives each deprecation its removal date and replacement, and each announced default its flip date', () => {
    expect(docs).toContain('- `fan-out` (since v2): use fan-out-v2; removal not before 2028-06-01; replaced by `fan-out-v2`');
    // A notice the catalog's history dates gets the policy's window from that date (beta flag: 9 months).
    expect(docs).toContain('| `shiny` | bool | `false` | `true`, `false` | beta | deprecated since v2: shiny is always on; removal not before 2027-12-01 |');
    expect(docs).toContain('default becomes `false` (since v2): the new layout becomes the default; flip not before 2028-09-01 |');
  });

  it('lists removed features with their paths, note, replacement and history, beside the removed keys', () => {
    expect(section('### Removed features')).toContain(
      '| `sparkle` | alpha | `spec.parts[].sparkle` in Widget (v1, v1beta1) | v3 | it never worked | `glow` | v1 introduced (alpha); v3 removed |',
    );
    expect(section('### Removed keys (tombstones)')).toContain('| `removed-key` | ?–v0.9 | v1.0 | it did nothing | — |');
    expect(docs.indexOf('## Removed')).toBeLessThan(docs.indexOf('### Removed features'));
  });

  it('depends on the catalog only, never on a date', () => {
    expect(renderDocs(snapshotOf(catalog, { version: '9.9.9', date: '2030-01-01' }))).toBe(docs);
  });
});

describe('docs/features.md of a catalog with two levels (stable and alpha)', () => {
  const twoLevelDocs = renderDocs(snapshotOf(twoLevels, { version: 'unreleased', date: '2026-11-25' }));

  it('names only its levels and its bundles', () => {
    expect(twoLevelDocs).toContain('`enable-api-fields` takes `stable` or `alpha` (default `stable`)');
    expect(twoLevelDocs).toContain('A bundle cannot turn on anything less stable than its ceiling: alpha features are in the alpha bundle only.');
    expect(twoLevelDocs).toContain('## Alpha features');
    expect(twoLevelDocs).toContain('## Alpha fields per kind');
    expect(twoLevelDocs).toContain('| `spec.triggers[].overlays` | `cel` | `enable-api-fields: alpha` |');
    // Beta appears only as its kind's own version (v1beta1), never as a level or a bundle.
    expect(twoLevelDocs.split('\n').filter((line) => /beta/i.test(line) && !line.includes('v1beta1'))).toEqual([]);
  });

  it('leaves a three-level catalog\'s snapshot as it was: no levels recorded', () => {
    expect(snapshotOf(widgets(), { version: 'unreleased', date: '2026-11-25' }).level).toEqual({ key: 'enable-api-fields', default: 'beta' });
    expect(snapshotOf({ ...widgets(), ownFlagRule: 'own-flag-decides' }, { version: 'unreleased', date: '2026-11-25' }).level).toEqual({ key: 'enable-api-fields', default: 'beta', ownFlagRule: 'own-flag-decides' });
    expect(snapshotOf(twoLevels, { version: 'unreleased', date: '2026-11-25' }).level).toEqual({ key: 'enable-api-fields', default: 'stable', levels: ['alpha', 'stable'] });
  });
});
