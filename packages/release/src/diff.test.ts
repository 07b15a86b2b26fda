import { diffSnapshots, eventId } from './diff';
import { bumpFor } from './bump';
import { entryText } from './entries';
import { describeEvent } from './messages';
import { edit, feature, flag, release, widgets } from './test-support/widgets';

const base = release(widgets(), '1.0.0', '2027-01-04');
const next = (change: Parameters<typeof edit>[1], date = '2027-02-01') => release(edit(widgets(), change), '1.1.0', date, base);

describe('diffSnapshots', () => {
  it('finds nothing between a release and the same catalog', () => {
    expect(diffSnapshots(base, release(widgets(), 'unreleased', '2030-01-01', base))).toEqual([]);
  });

  it('reports a new feature with its stability, flag, fields, kinds and bundles', () => {
    const to = next((d) => {
      d.features.push({ name: 'sparkle', title: 'sparkle', stability: 'alpha', description: 'Sparkle', flag: 'enable-sparkle', uses: [{ type: 'Part', path: 'sparkle', match: { kind: 'present' } }], history: [] });
    });
    expect(diffSnapshots(base, to)).toEqual([
      {
        type: 'feature-added',
        feature: {
          name: 'sparkle',
          levelKey: 'enable-api-fields',
          title: 'sparkle',
          stability: 'alpha',
          description: 'Sparkle',
          flag: 'enable-sparkle',
          fields: ['Part.sparkle'],
          kinds: ['example.dev/v1 Widget', 'example.dev/v1beta1 Widget'],
          paths: { 'example.dev/v1 Widget': ['spec.parts[].sparkle'], 'example.dev/v1beta1 Widget': ['spec.parts[].sparkle'] },
          bundles: ['alpha'],
        },
      },
    ]);
  });

  it('reports a change of the own-flag rule as a behaviour change, in words that say what to set', () => {
    const events = diffSnapshots(base, next((d) => {
      d.ownFlagRule = 'own-flag-decides';
    }));
    expect(events).toEqual([{ type: 'own-flag-rule-changed', key: 'enable-api-fields', from: 'own-flag-overrides-level', to: 'own-flag-decides' }]);
    expect(events.map(describeEvent)).toEqual(['own-flag rule changed: "own-flag-overrides-level" → "own-flag-decides"']);
    expect(entryText(events[0])).toBe(
      'Features with their own flag now follow that flag alone (rule `own-flag-decides`, was `own-flag-overrides-level`): `enable-api-fields: alpha` no longer turns on one whose flag is unset; set the flag to `"true"`.',
    );
    expect(bumpFor(events[0])).toBe('major');
  });

  it('reports promotions and demotions, with the bundles that offer the new level', () => {
    const events = diffSnapshots(base, next((d) => {
      feature(d, 'turbo').stability = 'beta';
      feature(d, 'sprockets').stability = 'alpha';
    }));
    expect(events.map(describeEvent)).toEqual(['feature demoted: sprockets beta → alpha', 'feature promoted: turbo alpha → beta']);
    expect(events[1]).toMatchObject({ feature: { bundles: ['beta', 'alpha'] } });
  });

  it('reports a deprecation with the earliest removal the policy allows: 12 months on a v1 kind, 9 off it, a release for alpha', () => {
    const events = diffSnapshots(base, next((d) => {
      for (const name of ['fan-out', 'sprockets', 'glow']) feature(d, name).deprecated = { since: 'v2', message: `${name} goes` };
    }, '2027-04-05'));
    expect(events.map(describeEvent)).toEqual([
      'feature deprecated: fan-out (beta): removal not before 2028-04-05',
      'feature deprecated: glow (alpha): removal not before any later release',
      'feature deprecated: sprockets (beta): removal not before 2028-01-05',
    ]);
    expect(events[0]).toMatchObject({ notice: { date: '2027-04-05', release: '1.1.0', message: 'fan-out goes' }, removal: { kind: 'date', date: '2028-04-05' } });
  });

  it('reports removals, incompatible changes and withdrawn deprecations', () => {
    const deprecated = release(edit(widgets(), (d) => {
      feature(d, 'fan-out').deprecated = { since: 'v2', message: 'goes' };
    }), '1.0.0', '2027-01-04');
    const events = diffSnapshots(deprecated, release(edit(widgets(), (d) => {
      d.features = d.features.filter((entry) => entry.name !== 'glow');
      feature(d, 'turbo').flag = 'enable-turbo-v2';
      feature(d, 'sprockets').uses = [{ type: 'GadgetSpec', path: 'cogs', match: { kind: 'present' } }];
    }), 'unreleased', '2027-02-01', deprecated));
    expect(events.map(describeEvent)).toEqual([
      'feature deprecation withdrawn: fan-out',
      'feature removed: glow (was alpha; no tombstone)',
      'feature changed: sprockets: gates 1 more path(s); no longer gates example.dev/v1beta1 Gadget: spec.sprockets',
      'feature changed: turbo: own flag enable-turbo → enable-turbo-v2',
    ]);
  });

  it('reports flag changes: added, default flipped, values, deprecated, value deprecated, tombstoned or not, promoted', () => {
    const events = diffSnapshots(base, next((d) => {
      d.flags.push({ key: 'new-thing', type: 'bool', default: false, stability: 'alpha', description: 'New', history: [] });
      flag(d, 'mode').values = ['a', 'b', 'd'];
      flag(d, 'mode').default = 'b';
      flag(d, 'shiny').stability = 'stable';
      flag(d, 'old-style').deprecatedValues = [{ value: true, message: 'the default becomes false' }];
      flag(d, 'disable-inline').deprecated = { since: 'v2', message: 'goes' };
      d.flags = d.flags.filter((entry) => entry.key !== 'experimental-cache' && entry.key !== 'enable-turbo');
      d.tombstones.push({ key: 'experimental-cache', lastShipped: 'v1', removedIn: 'v2', note: 'cache is always on' });
    }));
    expect(events.map(describeEvent)).toEqual([
      'flag deprecated: disable-inline: removal not before 2028-02-01',
      'flag removed: enable-turbo (no tombstone)',
      'flag tombstoned: experimental-cache (removed in v2)',
      'flag default changed: mode "a" → "b"',
      'flag values changed: mode added d removed c',
      'flag added: new-thing (bool, default "false", alpha)',
      'flag value deprecated: old-style="true": change not before 2028-02-01',
      'flag promoted: shiny beta → stable',
    ]);
  });

  it('reports the level default, its announcement, API versions and removed tombstones', () => {
    const events = diffSnapshots(base, next((d) => {
      d.defaultLevel = 'stable';
      d.apiFieldsHistory = [{ release: 'v2', event: 'deprecated', default: 'alpha', note: 'alpha by default' }];
      d.kinds.push({ group: 'example.dev', version: 'v1', kind: 'Gadget', type: 'Gadget', stability: 'stable' });
      d.kinds = d.kinds.filter((kind) => !(kind.kind === 'Gadget' && kind.version === 'v1beta1'));
      d.tombstones = [];
    }));
    expect(events.map(describeEvent)).toEqual([
      'level default change announced: enable-api-fields "stable" → "alpha" not before 2028-02-01',
      'level default changed: enable-api-fields "beta" → "stable"',
      'API version added: example.dev/v1 Gadget (stable)',
      'API version removed: example.dev/v1beta1 Gadget (was beta)',
      'feature changed: sprockets: gates 1 more path(s); no longer gates example.dev/v1beta1 Gadget: spec.sprockets',
      'tombstone removed: removed-key',
    ]);
  });

  it('gives every event a stable identity', () => {
    const events = diffSnapshots(base, next((d) => {
      flag(d, 'old-style').deprecatedValues = [{ value: true, message: 'x' }];
      feature(d, 'turbo').stability = 'beta';
    }));
    expect(events.map(eventId)).toEqual(['feature-promoted:turbo', 'flag-value-deprecated:old-style=true']);
  });
});
