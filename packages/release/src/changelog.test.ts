import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as changelog from './changelog';
import { changesetFileName, parseChangeset, renderChangeset } from './changeset-writer';
import { diffSnapshots } from './diff';
import { edit, feature, flag, release, widgets } from './test-support/widgets';

const base = release(widgets(), '1.0.0', '2027-01-04');
const events = diffSnapshots(
  base,
  release(edit(widgets(), (d) => {
    d.features.push({ name: 'sparkle', title: 'sparkle', stability: 'alpha', description: 'Sparkle', flag: 'enable-sparkle', uses: [{ type: 'Part', path: 'sparkle', match: { kind: 'present' } }], history: [] });
    feature(d, 'turbo').stability = 'beta';
    feature(d, 'sprockets').deprecated = { since: 'v2', message: 'Use cogs' };
    d.features = d.features.filter((entry) => entry.name !== 'fan-out');
    flag(d, 'experimental-cache').default = true;
  }), 'unreleased', '2027-04-05', base),
);

/** A workspace's `.changeset/` holding the generated changesets plus a hand-written one. */
function workspace(): { dir: string; changesets: { id: string; summary: string; releases: { name: string; type: string }[] }[] } {
  const root = mkdtempSync(join(tmpdir(), 'fg-changelog-'));
  const dir = join(root, '.changeset');
  mkdirSync(dir);
  writeFileSync(join(dir, 'config.json'), '{}');
  const files: [string, string][] = events.map((event) => [changesetFileName(event), renderChangeset(event, 'pkg')]);
  files.push(['brave-lions-dance.md', '---\n"pkg": minor\n---\n\nA hand-written change\nwith a second line\n']);
  files.push(['two-packages.md', '---\n"pkg": minor\n"other": minor\n---\n\nTouches two packages\n']);
  for (const [file, text] of files) writeFileSync(join(dir, file), text);
  const changesets = files.map(([file, text]) => {
    const parsed = parseChangeset(text);
    return { id: file.replace(/\.md$/, ''), summary: text.replace(/^---[\s\S]*?---\n/, '').trim(), releases: parsed.releases };
  });
  return { dir, changesets };
}

/** What changesets does: one line per changeset of a package and bump type, in whatever order it read them. */
async function linesFor(dir: string, changesets: ReturnType<typeof workspace>['changesets'], type: string): Promise<string[]> {
  const lines: string[] = [];
  for (const changeset of changesets) {
    if (!changeset.releases.some((entry) => entry.name === 'pkg' && entry.type === type)) continue;
    lines.push(await changelog.getReleaseLine(changeset, type, { changesetDir: dir }));
  }
  return lines.filter(Boolean);
}

describe('the changesets changelog module', () => {
  it('exports getReleaseLine and getDependencyReleaseLine, as changesets expects', () => {
    expect(typeof changelog.getReleaseLine).toBe('function');
    expect(typeof changelog.getDependencyReleaseLine).toBe('function');
    // A default export beside __esModule is what publint and arethetypeswrong flag.
    expect('default' in changelog).toBe(false);
  });

  it('files a bump type\'s generated entries under the release sections, then the hand-written ones, once', async () => {
    const { dir, changesets } = workspace();
    const minor = await linesFor(dir, changesets, 'minor');
    expect(minor).toHaveLength(2);
    expect(minor[0].split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '#### Action required',
      '#### New alpha features',
      '#### Promoted',
      '#### Deprecated (removal not before 2028-01-05)',
      '#### Other changes',
    ]);
    expect(minor[0]).toContain('- **`sparkle`** (alpha): Sparkle. Flag: own flag `enable-sparkle` (or `enable-api-fields: alpha` while it is unset). Gates `spec.parts[].sparkle` in Widget (v1, v1beta1). In the alpha bundle.');
    expect(minor[0]).toContain('- **`turbo`** from alpha to beta: Go faster. Flag: own flag `enable-turbo`');
    expect(minor[0]).toContain('In the beta and alpha bundles.');
    expect(minor[0]).toContain('#### Other changes\n\n- A hand-written change\n  with a second line');
    expect(minor[1]).toBe('- Touches two packages');
    const major = await linesFor(dir, changesets, 'major');
    expect(major).toEqual([
      '#### Removed\n\n- **`fan-out`** (was beta): removed, without a tombstone. Flag: `enable-api-fields: beta`. Gates `spec.parts[].fanOut` in Widget (v1, v1beta1). It was in the beta and alpha bundles.',
    ]);
  });

  it('writes the same CHANGELOG whatever order changesets reads the files in', async () => {
    const { dir, changesets } = workspace();
    const forward = await linesFor(dir, changesets, 'minor');
    const backward = await linesFor(dir, [...changesets].reverse(), 'minor');
    expect(backward.sort()).toEqual(forward.sort());
  });

  it('renders a changeset that is not on disk by itself', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fg-changelog-'));
    const line = await changelog.getReleaseLine({ id: 'x', summary: renderChangeset(events.find((event) => event.type === 'feature-added') ?? events[0], 'pkg').replace(/^---[\s\S]*?---\n/, ''), releases: [{ name: 'pkg', type: 'minor' }] }, 'minor', { changesetDir: root });
    expect(line).toMatch(/^#### New alpha features\n\n- \*\*`sparkle`\*\*/);
  });

  it('lists updated dependencies, and nothing when there are none', async () => {
    expect(await changelog.getDependencyReleaseLine([], [])).toBe('');
    expect(await changelog.getDependencyReleaseLine([], [{ name: '@featuregates/tekton', newVersion: '0.2.0' }])).toBe('- Updated dependencies:\n  - @featuregates/tekton@0.2.0');
  });

  it('finds .changeset from a working directory below the root', () => {
    const { dir } = workspace();
    const below = join(dir, '..', 'packages', 'x');
    mkdirSync(below, { recursive: true });
    expect(changelog.findChangesetDir(below)).toBe(dir);
  });
});
