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
    expect(() => releaseSnapshot(ctx(root, removed, '2027-02-01'))).toThrow(/^release 2\.0\.0 breaks the compatibility policy:\n\[removal-window\] beta feature "fan-out" removed without a deprecation notice/);
    expect(existsSync(join(root, 'releases/2.0.0'))).toBe(false);
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
});
