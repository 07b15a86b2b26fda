import { formatViolation } from './messages';
import { checkPolicy } from './policy';
import { snapshotOf } from './snapshot';
import { edit, feature, flag, release, widgets } from './test-support/widgets';
import type { Snapshot } from './types';

type Change = Parameters<typeof edit>[1];

/** Release 1.0.0 (2027-01-04), then an optional 1.1.0 (2027-04-05) carrying notices, then the tree at `date`. */
function scenario(notices: Change | undefined, change: Change, date: string): string[] {
  let from: Snapshot = release(widgets(), '1.0.0', '2027-01-04');
  let registry = widgets();
  if (notices) {
    registry = edit(registry, notices);
    from = release(registry, '1.1.0', '2027-04-05', from);
  }
  const to = release(edit(registry, change), 'unreleased', date, from);
  return checkPolicy(from, to).map(formatViolation);
}

const deprecate = (...names: string[]): Change => (d) => {
  for (const name of names) feature(d, name).deprecated = { since: 'v2', message: 'goes' };
};
/** Removes features the way the policy wants: each leaves a tombstone. */
const removeFeature = (...names: string[]): Change => (d) => {
  for (const gone of d.features.filter((entry) => names.includes(entry.name))) {
    d.removedFeatures = [...(d.removedFeatures ?? []), { name: gone.name, title: gone.title, stability: gone.stability, description: gone.description, uses: gone.uses, removedIn: 'v3', note: 'it is gone', history: gone.history }];
  }
  d.features = d.features.filter((entry) => !names.includes(entry.name));
};
/** Removes features leaving nothing behind: their fields would be silently admitted. */
const dropFeature = (...names: string[]): Change => (d) => {
  d.features = d.features.filter((entry) => !names.includes(entry.name));
};

describe('the compatibility policy', () => {
  it('holds when nothing changed', () => {
    expect(scenario(undefined, () => undefined, '2027-02-01')).toEqual([]);
  });

  describe('beta features: a deprecation notice and 9 months, 12 once the kind is v1', () => {
    it('fails a removal before the window, naming the rule and the date it is allowed', () => {
      expect(scenario(deprecate('fan-out'), removeFeature('fan-out'), '2027-06-01')).toEqual([
        '[removal-window] beta feature "fan-out" removed 1 month after its deprecation notice of 2027-04-05 (release 1.1.0); the policy asks for 12 months because it gates v1 kind example.dev/v1 Widget: allowed from 2028-04-05',
      ]);
    });

    it('counts 9 months for a feature on no v1 kind', () => {
      expect(scenario(deprecate('sprockets'), removeFeature('sprockets'), '2027-12-01')).toEqual([
        '[removal-window] beta feature "sprockets" removed 7 months after its deprecation notice of 2027-04-05 (release 1.1.0); the policy asks for 9 months because it is beta: allowed from 2028-01-05',
      ]);
      expect(scenario(deprecate('sprockets'), removeFeature('sprockets'), '2028-01-05')).toEqual([]);
    });

    it('fails a removal without any notice, with the date a notice in this release would allow', () => {
      expect(scenario(undefined, removeFeature('fan-out'), '2027-02-01')).toEqual([
        '[removal-window] beta feature "fan-out" removed without a deprecation notice; the policy asks for 12 months because it gates v1 kind example.dev/v1 Widget: deprecate it in this release, and the change is allowed from 2028-02-01',
      ]);
    });

    it('allows the removal once the window has run', () => {
      expect(scenario(deprecate('fan-out'), removeFeature('fan-out'), '2028-04-05')).toEqual([]);
    });

    it('fails a removal that leaves no tombstone, however long its notice stood', () => {
      expect(scenario(deprecate('fan-out'), dropFeature('fan-out'), '2028-04-05')).toEqual([
        '[tombstone] feature "fan-out" removed without a tombstone: its fields would be silently admitted; add it to removedFeatures (removedIn, note) so that a use is refused with "removed in RELEASE: NOTE"; allowed once it is tombstoned',
      ]);
    });

    it('never lets a feature tombstone go', () => {
      const registry = edit(widgets(), removeFeature('glow'));
      const from = release(registry, '1.0.0', '2027-01-04');
      const to = release(edit(registry, (d) => void (d.removedFeatures = [])), 'unreleased', '2030-01-01', from);
      expect(checkPolicy(from, to).map(formatViolation)).toEqual([
        '[tombstone] removed feature "glow" dropped from removedFeatures: feature tombstones are permanent, so that a use keeps being refused as removed; restore it (never allowed)',
      ]);
    });

    it('holds a removal to the later of its window and the removalNotBefore users were promised', () => {
      const promise = (date: string): Change => (d) => void (feature(d, 'fan-out').deprecated = { since: 'v2', message: 'goes', removalNotBefore: date });
      expect(scenario(promise('2028-06-01'), removeFeature('fan-out'), '2028-05-01')).toEqual([
        '[removal-window] feature "fan-out" removed on 2028-05-01, before the 2028-06-01 its notice promised users (removalNotBefore): allowed from 2028-06-01',
      ]);
      expect(scenario(promise('2028-06-01'), removeFeature('fan-out'), '2028-06-01')).toEqual([]);
    });

    it('reports a removalNotBefore earlier than the policy allows: the date users read must be true', () => {
      const promise: Change = (d) => void (feature(d, 'fan-out').deprecated = { since: 'v2', message: 'goes', removalNotBefore: '2027-10-01' });
      expect(scenario(undefined, promise, '2027-02-01')).toEqual([
        '[promised-date] feature "fan-out" promises removalNotBefore 2027-10-01, but the policy allows it only from 2028-02-01 (12 months because it gates v1 kind example.dev/v1 Widget): set removalNotBefore to 2028-02-01 or later, or leave it out and the notes print the policy\'s date',
      ]);
    });

    it('treats dropped paths and a renamed own flag as incompatible changes', () => {
      expect(
        scenario(undefined, (d) => {
          feature(d, 'fan-out').uses = [{ type: 'Part', path: 'fanOutV2', match: { kind: 'present' } }];
        }, '2027-02-01'),
      ).toEqual([
        '[removal-window] beta feature "fan-out" changed incompatibly without a deprecation notice; the policy asks for 12 months because it gates v1 kind example.dev/v1 Widget: deprecate it in this release, and the change is allowed from 2028-02-01',
      ]);
      expect(scenario(undefined, (d) => void feature(d, 'fan-out').uses.length, '2027-02-01')).toEqual([]);
    });
  });

  describe('alpha features: one release of warning', () => {
    it('fails a removal without a notice in an earlier release', () => {
      expect(scenario(undefined, removeFeature('glow'), '2027-02-01')).toEqual([
        '[alpha-warning] alpha feature "glow" removed without one release of warning: deprecate it in this release; it may go in any later release',
      ]);
    });

    it('allows it in any release after the one that shipped the notice; its own flag goes with it as a tombstone', () => {
      const removeTurbo: Change = (d) => {
        removeFeature('turbo')(d);
        d.flags = d.flags.filter((entry) => entry.key !== 'enable-turbo');
        d.tombstones.push({ key: 'enable-turbo', lastShipped: 'v1', removedIn: 'v2', note: 'turbo is gone' });
      };
      expect(scenario(deprecate('turbo'), removeTurbo, '2027-04-06')).toEqual([]);
      expect(scenario(undefined, removeTurbo, '2027-04-06')).toEqual([
        '[alpha-warning] alpha feature "turbo" removed without one release of warning: deprecate it in this release; it may go in any later release',
        '[alpha-warning] alpha flag "enable-turbo" removed without one release of warning: deprecate it in this release; it may go in any later release',
      ]);
    });
  });

  describe('defaults', () => {
    const flipOldStyle: Change = (d) => {
      flag(d, 'old-style').default = false;
    };
    const announce: Change = (d) => {
      flag(d, 'old-style').deprecatedValues = [{ value: true, message: 'the default becomes false' }];
    };

    it('fails a flip without an announcement', () => {
      expect(scenario(undefined, flipOldStyle, '2027-02-01')).toEqual([
        '[default-window] default of "old-style" flipped from "true" to "false" without an announcement; the policy asks for 12 months because it is a stable flag: announce it in this release (defaultChange: { to: false, since, message } on the flag), and the flip is allowed from 2028-02-01',
      ]);
    });

    it('fails a flip before the window since the announcement, and allows it after', () => {
      expect(scenario(announce, flipOldStyle, '2027-10-01')).toEqual([
        '[default-window] default of "old-style" flipped from "true" to "false" 5 months after it was announced on 2027-04-05 (release 1.1.0); the policy asks for 12 months because it is a stable flag: allowed from 2028-04-05',
      ]);
      expect(scenario(announce, flipOldStyle, '2028-04-05')).toEqual([]);
    });

    it('gives a beta flag 9 months and an alpha flag one release', () => {
      const flip = (key: string, value: boolean): Change => (d) => void (flag(d, key).default = value);
      const notice = (key: string): Change => (d) => void (flag(d, key).deprecatedValues = [{ value: false, message: 'flips' }]);
      expect(scenario(notice('shiny'), flip('shiny', true), '2027-12-01')).toEqual([
        '[default-window] default of "shiny" flipped from "false" to "true" 7 months after it was announced on 2027-04-05 (release 1.1.0); the policy asks for 9 months because it is a beta flag: allowed from 2028-01-05',
      ]);
      expect(scenario(notice('experimental-cache'), flip('experimental-cache', true), '2027-04-06')).toEqual([]);
    });

    it('fails a flip of the level key\'s default without an announcement (tektoncd/pipeline#6732)', () => {
      const before = snapshotOf({ ...widgets(), defaultLevel: 'stable' }, { version: '0.1.0', date: '2023-05-24' });
      const after = snapshotOf(widgets(), { version: '0.2.0', date: '2023-06-20', previous: before });
      expect(checkPolicy(before, after).map(formatViolation)).toEqual([
        '[default-window] default of "enable-api-fields" flipped from "stable" to "beta" without an announcement; the policy asks for 12 months because the catalog has v1 kinds: announce it in this release (levelDefaultChange: { to: "beta", since, message } in the catalog), and the flip is allowed from 2024-06-20',
      ]);
    });

    it('times a flip from its defaultChange announcement, and from the flipNotBefore it promised', () => {
      const announceChange = (flipNotBefore?: string): Change => (d) =>
        void (flag(d, 'old-style').defaultChange = { to: false, since: 'v2', message: 'the new layout becomes the default', ...(flipNotBefore ? { flipNotBefore } : {}) });
      const flipAndClear: Change = (d) => {
        flag(d, 'old-style').default = false;
        delete flag(d, 'old-style').defaultChange;
      };
      expect(scenario(announceChange(), flipAndClear, '2027-10-01')).toEqual([
        '[default-window] default of "old-style" flipped from "true" to "false" 5 months after it was announced on 2027-04-05 (release 1.1.0); the policy asks for 12 months because it is a stable flag: allowed from 2028-04-05',
      ]);
      expect(scenario(announceChange(), flipAndClear, '2028-04-05')).toEqual([]);
      expect(scenario(announceChange('2028-09-01'), flipAndClear, '2028-04-05')).toEqual([
        '[default-window] flag "old-style" default flipped to "false" on 2028-04-05, before the 2028-09-01 its notice promised users (flipNotBefore): allowed from 2028-09-01',
      ]);
      expect(scenario(undefined, announceChange('2027-06-01'), '2027-02-01')).toEqual([
        '[promised-date] the default change of flag "old-style" promises flipNotBefore 2027-06-01, but the policy allows it only from 2028-02-01 (12 months because it is a stable flag): set flipNotBefore to 2028-02-01 or later, or leave it out and the notes print the policy\'s date',
      ]);
    });

    it('times a level default flip from its levelDefaultChange announcement', () => {
      const announceLevel: Change = (d) => void (d.levelDefaultChange = { to: 'stable', since: 'v2', message: 'stable by default' });
      const flipLevel: Change = (d) => {
        d.defaultLevel = 'stable';
        delete d.levelDefaultChange;
      };
      expect(scenario(announceLevel, flipLevel, '2028-04-05')).toEqual([]);
      expect(scenario(announceLevel, flipLevel, '2028-04-04')).toEqual([
        '[default-window] default of "enable-api-fields" flipped from "beta" to "stable" 11 months after it was announced on 2027-04-05 (release 1.1.0); the policy asks for 12 months because the catalog has v1 kinds: allowed from 2028-04-05',
      ]);
    });

    it('allows the level default to flip a window after it was announced', () => {
      const announceLevel: Change = (d) => {
        d.apiFieldsHistory = [{ release: 'v2', event: 'deprecated', default: 'stable', note: 'stable by default' }];
      };
      const flipLevel: Change = (d) => {
        d.defaultLevel = 'stable';
        d.apiFieldsHistory = [...d.apiFieldsHistory, { release: 'v3', event: 'default-changed', default: 'stable' }];
      };
      expect(scenario(announceLevel, flipLevel, '2028-04-05')).toEqual([]);
      expect(scenario(announceLevel, flipLevel, '2028-04-04')).toHaveLength(1);
    });
  });

  it('fails a level skipped on a v1 kind, but not on a beta-only kind', () => {
    const skip = (name: string): Change => (d) => void (feature(d, name).stability = 'stable');
    expect(scenario(undefined, skip('turbo'), '2027-02-01')).toEqual([
      '[level-skip] feature "turbo" promoted from alpha to stable on v1 kind example.dev/v1 Widget, skipping beta: promote it to beta in this release; stable is allowed in any later release',
    ]);
    const gadgetOnly = (d: Parameters<Change>[0]) => {
      d.features.push({ name: 'cogs', title: 'cogs', stability: 'alpha', description: 'Cogs', uses: [{ type: 'GadgetSpec', path: 'cogs', match: { kind: 'present' } }], history: [] });
    };
    const from = release(edit(widgets(), gadgetOnly), '1.0.0', '2027-01-04');
    const to = release(edit(widgets(), (d) => { gadgetOnly(d); skip('cogs')(d); }), 'unreleased', '2027-02-01', from);
    expect(checkPolicy(from, to)).toEqual([]);
  });

  it('fails a demotion, whatever the notice', () => {
    expect(scenario(deprecate('fan-out'), (d) => void (feature(d, 'fan-out').stability = 'alpha'), '2030-01-01')).toEqual([
      '[demotion] feature "fan-out" demoted from beta to alpha: demotions are never allowed, they break users who turned it on at beta; keep it, or remove it once its deprecation window has run',
    ]);
    expect(scenario(undefined, (d) => void (flag(d, 'shiny').stability = 'alpha'), '2027-02-01')).toEqual([
      '[demotion] flag "shiny" demoted from beta to alpha: demotions are never allowed, they break users who turned it on at beta; deprecate it instead (then removal is allowed from 2027-11-01)',
    ]);
  });

  it('fails a removed flag that is not tombstoned, and a removed tombstone', () => {
    const dropMode: Change = (d) => {
      flag(d, 'mode').deprecated = { since: 'v2', message: 'goes' };
    };
    expect(scenario(dropMode, (d) => {
      d.flags = d.flags.filter((entry) => entry.key !== 'mode');
      d.tombstones = [];
    }, '2028-05-01')).toEqual([
      '[tombstone] flag "mode" removed without a tombstone: add a tombstone for "mode" so that old ConfigMaps keep loading; allowed once it is tombstoned',
      '[tombstone] tombstone "removed-key" removed: tombstones are permanent, so that old ConfigMaps keep loading; restore it (never allowed)',
    ]);
  });

  it('gives an own flag its feature\'s window', () => {
    const removeFanOut: Change = (d) => {
      removeFeature('fan-out')(d);
      d.flags = d.flags.filter((entry) => entry.key !== 'enable-fan-out');
      d.tombstones.push({ key: 'enable-fan-out', lastShipped: 'v1', removedIn: 'v2', note: 'fan-out is gone' });
    };
    const withFlag: Change = (d) => {
      feature(d, 'fan-out').flag = 'enable-fan-out';
      d.flags.push({ key: 'enable-fan-out', type: 'bool', default: false, stability: 'beta', feature: 'fan-out', description: 'Own flag', history: [] });
    };
    let from = release(edit(widgets(), withFlag), '1.0.0', '2027-01-04');
    const noticed = edit(widgets(), (d) => { withFlag(d); deprecate('fan-out')(d); });
    from = release(noticed, '1.1.0', '2027-04-05', from);
    const early = release(edit(noticed, removeFanOut), 'unreleased', '2028-02-01', from);
    expect(checkPolicy(from, early).map((violation) => `${violation.rule} ${violation.subject} ${violation.allowed.kind === 'date' ? violation.allowed.date : ''}`)).toEqual([
      'removal-window fan-out 2028-04-05',
      'removal-window enable-fan-out 2028-04-05',
    ]);
    expect(checkPolicy(from, release(edit(noticed, removeFanOut), 'unreleased', '2028-04-05', from))).toEqual([]);
  });

  it('fails dropping an allowed value before its window', () => {
    expect(scenario(undefined, (d) => void (flag(d, 'mode').values = ['a', 'b']), '2027-02-01')).toEqual([
      '[removal-window] stable flag "mode" dropped value(s) "c" without a deprecation notice; the policy asks for 12 months because it is a stable flag: deprecate it in this release, and the change is allowed from 2028-02-01',
    ]);
    const noticeC: Change = (d) => void (flag(d, 'mode').deprecatedValues = [{ value: 'c', message: 'c goes' }]);
    expect(scenario(noticeC, (d) => { noticeC(d); flag(d, 'mode').values = ['a', 'b']; }, '2028-04-05')).toEqual([]);
  });
});

// Tekton's docs/api_compatibility_policy.md at 3ee1745: "new features ... must be introduced as
// alpha" on a v1 API, and a stable field of a v1 API is not removed while that API version lives.
describe('Tekton\'s rules for v1 kinds, unless the catalog relaxes them', () => {
  const addFeature = (stability: 'alpha' | 'beta' | 'stable', type = 'Part'): Change => (d) => {
    d.features.push({ name: 'sparkle', title: 'sparkle', stability, description: 'new', uses: [{ type, path: 'sparkle', match: { kind: 'present' } }], history: [] });
  };
  const relaxed = (d: Parameters<Change>[0]) => void (d.compatibility = { newFeaturesStartAlpha: false, stableFeaturesNeedNewApiVersion: false });

  it('refuses a new feature born beta or stable on a v1 kind, and says how to add it', () => {
    expect(scenario(undefined, addFeature('beta'), '2027-02-01')).toEqual([
      '[new-feature-level] new feature "sparkle" added as beta on v1 kind example.dev/v1 Widget: new features on a v1 kind start alpha; add it as alpha, then promote it one level per release',
    ]);
    expect(scenario(undefined, addFeature('stable'), '2027-02-01')).toHaveLength(1);
    expect(scenario(undefined, addFeature('alpha'), '2027-02-01')).toEqual([]);
  });

  it('lets a new feature on beta kinds only start at beta', () => {
    expect(scenario(undefined, addFeature('beta', 'GadgetSpec'), '2027-02-01')).toEqual([]);
  });

  it('never removes a stable feature of a v1 kind, however long its notice stood', () => {
    const deprecateInline = deprecate('inline');
    expect(scenario(deprecateInline, removeFeature('inline'), '2030-01-01')).toEqual([
      '[stable-on-v1] stable feature "inline" removed on v1 kind example.dev/v1 Widget: a stable feature of a v1 API is never removed or changed incompatibly; keep it, and make the change in a new API version (v2)',
    ]);
  });

  it('applies the catalog\'s relaxed rules when it declares them', () => {
    const from = release(edit(widgets(), relaxed), '1.0.0', '2027-01-04');
    const born = release(edit(widgets(), (d) => { relaxed(d); addFeature('beta')(d); }), 'unreleased', '2027-02-01', from);
    expect(checkPolicy(from, born, undefined, { newFeaturesStartAlpha: false })).toEqual([]);
    const noticed = release(edit(widgets(), (d) => { relaxed(d); deprecate('inline')(d); }), '1.1.0', '2027-04-05', from);
    const removed = release(edit(widgets(), (d) => { relaxed(d); removeFeature('inline')(d); }), 'unreleased', '2028-04-05', noticed);
    expect(checkPolicy(noticed, removed, undefined, { stableFeaturesNeedNewApiVersion: false })).toEqual([]);
    expect(checkPolicy(noticed, removed).map((violation) => violation.rule)).toEqual(['stable-on-v1']);
  });
});
