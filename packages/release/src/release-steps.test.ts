import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Registry } from '@featuregates/gates';
import {
  checkReport,
  createReleaseContext,
  docsCheck,
  releaseChangesets,
  releaseCheck,
  releaseDiff,
  releaseNotes,
  releaseSnapshot,
  ReleaseError,
  staleReleaseNotes,
  writeDocs,
  type ReleaseContext,
} from './release-steps';
import { edit, feature, widgets } from './test-support/widgets';

function workspace(version = '1.0.0'): string {
  const root = mkdtempSync(join(tmpdir(), 'fg-release-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }));
  mkdirSync(join(root, 'packages', 'catalog'), { recursive: true });
  setVersion(root, version);
  mkdirSync(join(root, '.changeset'));
  return root;
}

function setVersion(root: string, version: string): void {
  writeFileSync(join(root, 'packages', 'catalog', 'package.json'), JSON.stringify({ name: 'widgets-catalog', version }));
}

const ctx = (root: string, registry: Registry, date: string): ReleaseContext => createReleaseContext({ cwd: root, registry, packageName: 'widgets-catalog', date });
const promoted = edit(widgets(), (d) => void (feature(d, 'turbo').stability = 'beta'));

describe('the release steps on a workspace', () => {
  it('needs a first snapshot, and says how to make one', () => {
    const root = workspace();
    expect(() => releaseCheck(ctx(root, widgets(), '2027-01-04'))).toThrow(
      new ReleaseError('no released snapshot under releases/: freeze the first release with `featuregates release snapshot --version VERSION --date YYYY-MM-DD`'),
    );
  });

  it('freezes a release at the package version with its notes, once', () => {
    const root = workspace();
    const first = releaseSnapshot(ctx(root, widgets(), '2027-01-04'));
    expect(first).toMatchObject({ written: true, snapshot: { version: '1.0.0', date: '2027-01-04' } });
    expect(readFileSync(join(root, 'releases/1.0.0/RELEASE_NOTES.md'), 'utf8')).toContain('The first release: everything in the catalog is new.');
    expect(releaseSnapshot(ctx(root, widgets(), '2027-01-04')).written).toBe(false);
    expect(() => releaseSnapshot(ctx(root, promoted, '2027-01-04'))).toThrow(
      'releases/1.0.0/features.json exists and differs from the catalog: a released snapshot is never rewritten; cut a new version first (npx changeset version)',
    );
  });

  it('checks a change: it must have a changeset, then the version must be frozen', () => {
    const root = workspace();
    releaseSnapshot(ctx(root, widgets(), '2027-01-04'));
    const context = ctx(root, promoted, '2027-02-01');
    const unrecorded = releaseCheck(context);
    expect(unrecorded.ok).toBe(false);
    expect(checkReport(unrecorded, context)).toEqual(['[changeset] no changeset records "feature-promoted" of turbo: run featuregates release changeset']);

    expect(releaseChangesets(context).plan.write.map((entry) => entry.file)).toEqual(['fg-feature-promoted-turbo.md']);
    expect(releaseCheck(context).ok).toBe(true);

    setVersion(root, '1.1.0');
    const cut = releaseCheck(context);
    expect(checkReport(cut, context)).toEqual(['[snapshot] widgets-catalog is at 1.1.0 but releases/1.1.0/features.json does not exist: run featuregates release snapshot']);
    releaseSnapshot(context);
    expect(releaseCheck(context)).toMatchObject({ ok: true, events: [] });
    expect(releaseDiff(context, '1.0.0').events.map((event) => event.type)).toEqual(['feature-promoted']);
  });

  it('refuses to freeze a release that breaks the policy', () => {
    const root = workspace();
    releaseSnapshot(ctx(root, widgets(), '2027-01-04'));
    setVersion(root, '2.0.0');
    const removed = edit(widgets(), (d) => void (d.features = d.features.filter((entry) => entry.name !== 'fan-out')));
    expect(() => releaseSnapshot(ctx(root, removed, '2027-02-01'))).toThrow(/^release 2\.0\.0 breaks the compatibility policy:\n\[tombstone\] feature "fan-out" removed without a tombstone[^\n]*\n\[removal-window\] beta feature "fan-out" removed without a deprecation notice/);
    expect(existsSync(join(root, 'releases/2.0.0'))).toBe(false);
  });

  it('refuses to freeze a release dated before the previous one, and the check reports a backdated notice', () => {
    const root = workspace();
    releaseSnapshot(ctx(root, widgets(), '2027-01-04'));
    setVersion(root, '1.1.0');
    expect(() => releaseSnapshot(ctx(root, promoted, '2026-12-31'))).toThrow(/^release 1\.1\.0 cannot be frozen:\n\[release-dates\] release 1\.1\.0 is dated 2026-12-31, before release 1\.0\.0/);
    expect(existsSync(join(root, 'releases/1.1.0'))).toBe(false);

    const noticed = edit(widgets(), (d) => void (feature(d, 'fan-out').deprecated = { since: 'v2', message: 'goes' }));
    releaseSnapshot(ctx(root, noticed, '2027-04-05'));
    const file = join(root, 'releases/1.1.0/features.json');
    const released = JSON.parse(readFileSync(file, 'utf8'));
    released.features['fan-out'].deprecated.date = '2027-01-04';
    writeFileSync(file, JSON.stringify(released));
    const context = ctx(root, noticed, '2027-05-01');
    expect(checkReport(releaseCheck(context), context)).toEqual([
      expect.stringMatching(/^\[release-dates\] release 1\.1\.0: the deprecation notice of feature "fan-out" is dated 2027-01-04, but release 1\.1\.0/),
    ]);
  });

  it('refuses a version too low for the changes, and a cut whose CHANGELOG lacks a change, with advice for that step', () => {
    const root = workspace();
    releaseSnapshot(ctx(root, widgets(), '2027-01-04'));
    const removed = edit(widgets(), (d) => {
      feature(d, 'glow').deprecated = { since: 'v2', message: 'goes' };
    });
    setVersion(root, '1.0.1');
    const context = ctx(root, removed, '2027-02-01');
    const redo = 'undo the version cut (git checkout -- . in the package), run featuregates release changeset, then npx changeset version again';
    expect(checkReport(releaseCheck(context), context)).toEqual([`[version] version 1.0.1 is too low: the changes since 1.0.0 call for a minor bump (glow), so at least 1.1.0: ${redo}`]);
    expect(() => releaseSnapshot(context)).toThrow(/^release 1\.0\.1 cannot be frozen:\nversion 1\.0\.1 is too low/);

    setVersion(root, '1.1.0');
    writeFileSync(join(root, 'packages/catalog/CHANGELOG.md'), '# widgets-catalog\n\n## 1.1.0\n\n### Patch Changes\n\n- an unrelated fix\n');
    expect(checkReport(releaseCheck(context), context)).toEqual([`[version] the CHANGELOG of 1.1.0 does not record glow (no changeset): ${redo}`]);
    expect(() => releaseSnapshot(context)).toThrow(/the CHANGELOG of 1\.1\.0 does not record glow/);
    expect(existsSync(join(root, 'releases/1.1.0'))).toBe(false);
  });

  it('finds released notes that are missing or differ from a fresh generation', () => {
    const root = workspace();
    const context = ctx(root, widgets(), '2027-01-04');
    releaseSnapshot(context);
    expect(staleReleaseNotes(context)).toEqual([]);
    const notes = join(root, 'releases/1.0.0/RELEASE_NOTES.md');
    writeFileSync(notes, `${readFileSync(notes, 'utf8')}\nan edit by hand\n`);
    expect(staleReleaseNotes(context)).toEqual(['1.0.0']);
    releaseNotes(context, '1.0.0');
    expect(staleReleaseNotes(context)).toEqual([]);
  });

  it('writes the notes of a released version, and names the releases when asked for an unknown one', () => {
    const root = workspace();
    releaseSnapshot(ctx(root, widgets(), '2027-01-04'));
    expect(releaseNotes(ctx(root, promoted, '2027-02-01')).text).toContain('### Promoted');
    expect(releaseNotes(ctx(root, widgets(), '2027-02-01'), '1.0.0').file).toBe(join(root, 'releases/1.0.0/RELEASE_NOTES.md'));
    expect(() => releaseDiff(ctx(root, widgets(), '2027-02-01'), '0.9.0')).toThrow(`no snapshot for release 0.9.0 (${join(root, 'releases/0.9.0/features.json')}); released: 1.0.0`);
  });

  it('rejects a bad date and an unloadable catalog, and loads a JSON one', () => {
    const root = workspace();
    expect(() => createReleaseContext({ cwd: root, registry: widgets(), packageName: 'widgets-catalog', date: '2027-02-30' })).toThrow('invalid date "2027-02-30": want YYYY-MM-DD');
    expect(() => createReleaseContext({ cwd: root, registry: widgets(), packageName: 'widgets-catalog', catalog: 'nope.json' })).toThrow(/^cannot load the catalog nope\.json: /);
    writeFileSync(join(root, 'not-a-catalog.json'), '{"name": 1}');
    expect(() => createReleaseContext({ cwd: root, registry: widgets(), packageName: 'widgets-catalog', catalog: 'not-a-catalog.json' })).toThrow('not-a-catalog.json holds no feature registry (want name, apiFieldsKey, kinds, features and flags)');
    writeFileSync(join(root, 'catalog.json'), JSON.stringify(promoted));
    expect(createReleaseContext({ cwd: root, registry: widgets(), packageName: 'widgets-catalog', catalog: 'catalog.json' }).registry.features.find((entry) => entry.name === 'turbo')?.stability).toBe('beta');
  });

  it('finds the version of a single-package repo in its root package.json', () => {
    const root = mkdtempSync(join(tmpdir(), 'fg-release-single-'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'widgets-operator', version: '2.3.0' }));
    const single = createReleaseContext({ cwd: root, registry: widgets(), packageName: 'widgets-operator', date: '2027-01-04' });
    expect(releaseSnapshot(single).snapshot.version).toBe('2.3.0');
    const other = createReleaseContext({ cwd: root, registry: widgets(), packageName: 'someone-else', date: '2027-01-04' });
    expect(() => releaseSnapshot(other)).toThrow('cannot tell the release version: no workspace package, nor the root package.json, is named "someone-else"');
  });

  it('tells stale docs from fresh ones, and says how to fix them', () => {
    const root = workspace();
    expect(docsCheck(root, widgets())).toEqual({ fresh: false, message: 'docs/features.md is missing: run featuregates docs' });
    writeDocs(root, widgets());
    expect(docsCheck(root, widgets()).fresh).toBe(true);
    expect(docsCheck(root, promoted)).toEqual({ fresh: false, message: 'docs/features.md is stale (it differs from a fresh generation from the catalog): run featuregates docs, then commit it' });
  });

  it('writes docs to an absolute path where it says, not under the workspace', () => {
    const root = workspace();
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'fg-docs-')), 'features.md');
    expect(writeDocs(root, widgets(), elsewhere)).toBe(elsewhere);
    expect(existsSync(elsewhere)).toBe(true);
    expect(docsCheck(root, widgets(), elsewhere).fresh).toBe(true);
  });
});
