import { canonicalJson } from './canonical-json';
import { snapshotOf } from './snapshot';
import { edit, feature, flag, release, widgets } from './test-support/widgets';

describe('snapshotOf', () => {
  it('freezes what the diff and the policy need: stability, own flag, fields and paths per kind, history', () => {
    const snapshot = snapshotOf({ ...widgets(), ownFlagRule: 'own-flag-decides', aliases: [{ key: 'enabel-turbo', target: 'enable-turbo', note: 'misspelt' }] }, { version: '0.1.0', date: '2026-11-25' });
    // A catalog that declares its own-flag rule has the snapshot (and docs, notes built from it) carry it.
    expect(snapshot.level).toEqual({ key: 'enable-api-fields', default: 'beta', ownFlagRule: 'own-flag-decides' });
    expect(snapshot.features['fan-out']).toMatchObject({ stability: 'beta', fields: ['Part.fanOut'], introduced: 'v0.3 (alpha)', promoted: ['v0.5 (beta)'] });
    expect(snapshot.features['fan-out'].paths).toEqual({ 'example.dev/v1 Widget': ['spec.parts[].fanOut'], 'example.dev/v1beta1 Widget': ['spec.parts[].fanOut'] });
    expect(snapshot.features.turbo.flag).toBe('enable-turbo');
    expect(snapshot.kinds['example.dev/v1 Widget'].stability).toBe('stable');
    expect(snapshot.flags['disable-inline']).toMatchObject({ type: 'list', default: '', values: ['widget'] });
    expect(snapshot.tombstones['removed-key']).toMatchObject({ removedIn: 'v1.0', note: 'it did nothing' });
    expect(snapshot.aliases['enabel-turbo'].target).toBe('enable-turbo');
    expect(snapshot).not.toHaveProperty('removedFeatures');
  });

  it('is byte-for-byte reproducible, whatever order the catalog lists things in', () => {
    const catalog = widgets();
    const shuffled = { ...catalog, features: [...catalog.features].reverse(), flags: [...catalog.flags].reverse(), kinds: [...catalog.kinds].reverse() };
    const a = canonicalJson(snapshotOf(catalog, { version: '0.1.0', date: '2026-11-25' }));
    expect(canonicalJson(snapshotOf(shuffled, { version: '0.1.0', date: '2026-11-25' }))).toBe(a);
  });

  it('dates a deprecation older than the first release from the catalog history, with its promised date and replacement', () => {
    const catalog = edit(widgets(), (d) => {
      flag(d, 'shiny').deprecated = { since: 'v0.44', message: 'no effect', removalNotBefore: '2024-06-01', replacedBy: '`mode`' };
      flag(d, 'shiny').history = [{ release: 'v0.44', date: '2023-01-24', event: 'deprecated' }];
    });
    expect(snapshotOf(catalog, { version: '0.1.0', date: '2026-11-25' }).flags.shiny.deprecated).toEqual({
      since: 'v0.44',
      message: 'no effect',
      removalNotBefore: '2024-06-01',
      replacedBy: '`mode`',
      date: '2023-01-24',
      release: 'catalog',
    });
  });

  it('records removed features as tombstones: paths, removal, note, replacement and history', () => {
    const catalog = edit(widgets(), (d) => {
      d.features = d.features.filter((entry) => entry.name !== 'glow');
      d.removedFeatures = [
        { name: 'glow', title: 'glow', stability: 'alpha', description: 'Glow', uses: [{ type: 'Part', path: 'glow', match: { kind: 'present' } }], removedIn: 'v3', note: 'it never worked', replacedBy: '`sparkle`', history: [{ release: 'v1', event: 'introduced', stability: 'alpha' }, { release: 'v3', date: '2027-05-01', event: 'removed' }] },
      ];
    });
    expect(release(catalog, '1.0.0', '2027-05-03').removedFeatures).toEqual({
      glow: {
        title: 'glow',
        stability: 'alpha',
        description: 'Glow',
        fields: ['Part.glow'],
        paths: { 'example.dev/v1 Widget': ['spec.parts[].glow'], 'example.dev/v1beta1 Widget': ['spec.parts[].glow'] },
        removedIn: 'v3',
        note: 'it never worked',
        replacedBy: '`sparkle`',
        history: ['v1 introduced (alpha)', 'v3 removed 2027-05-01'],
      },
    });
  });

  it('records announced default changes, dated by the release that first shipped them, and keeps reading the old level notice', () => {
    const first = release(widgets(), '1.0.0', '2027-01-04');
    const announced = edit(widgets(), (d) => {
      flag(d, 'old-style').defaultChange = { to: false, since: 'v2', message: 'the new layout becomes the default', flipNotBefore: '2028-06-01' };
      d.levelDefaultChange = { to: 'stable', since: 'v2', message: 'stable by default' };
    });
    const second = release(announced, '1.1.0', '2027-04-05', first);
    expect(second.flags['old-style'].defaultChange).toEqual({ to: 'false', since: 'v2', message: 'the new layout becomes the default', flipNotBefore: '2028-06-01', date: '2027-04-05', release: '1.1.0' });
    expect(second.level.notice).toEqual({ to: 'stable', since: 'v2', message: 'stable by default', date: '2027-04-05', release: '1.1.0' });
    const third = release(announced, '1.2.0', '2027-09-01', second);
    expect(third.flags['old-style'].defaultChange?.date).toBe('2027-04-05');
    expect(third.level.notice?.release).toBe('1.1.0');
    // Announcing what is already the default announces nothing.
    expect(release(edit(widgets(), (d) => void (flag(d, 'old-style').defaultChange = { to: true, since: 'v2', message: 'x' })), '1.1.0', '2027-04-05', first).flags['old-style']).not.toHaveProperty('defaultChange');
  });

  it('dates a notice new in a later release by that release, and keeps the date while it stands', () => {
    const first = release(widgets(), '1.0.0', '2027-01-04');
    // a history date cannot backdate a notice that users only see now
    const deprecated = edit(widgets(), (d) => {
      feature(d, 'fan-out').deprecated = { since: 'v1.3', message: 'use fanOutV2' };
      feature(d, 'fan-out').history = [{ release: 'v1.3', date: '2020-01-01', event: 'deprecated' }];
      flag(d, 'old-style').deprecatedValues = [{ value: true, message: 'the default becomes false' }];
    });
    const second = release(deprecated, '1.1.0', '2027-04-05', first);
    expect(second.features['fan-out'].deprecated).toEqual({ since: 'v1.3', message: 'use fanOutV2', date: '2027-04-05', release: '1.1.0' });
    expect(second.flags['old-style'].deprecatedValues).toEqual([{ value: 'true', since: '1.1.0', message: 'the default becomes false', date: '2027-04-05', release: '1.1.0' }]);
    const third = release(deprecated, '1.2.0', '2027-09-01', second);
    expect(third.features['fan-out'].deprecated?.date).toBe('2027-04-05');
    expect(third.flags['old-style'].deprecatedValues?.[0].release).toBe('1.1.0');
  });

  it('records an announced change of the level default', () => {
    const announced = edit(widgets(), (d) => {
      d.apiFieldsHistory = [{ release: 'v2', event: 'deprecated', default: 'stable', note: 'the default becomes stable' }];
    });
    const snapshot = release(announced, '1.1.0', '2027-02-01', release(widgets(), '1.0.0', '2027-01-04'));
    expect(snapshot.level.notice).toEqual({ to: 'stable', since: 'v2', message: 'the default becomes stable', date: '2027-02-01', release: '1.1.0' });
  });
});
