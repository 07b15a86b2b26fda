import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyChangesetPlan, changesetFileName, eventsWithoutChangeset, parseChangeset, planChangesets, readChangesetDir, renderChangeset } from './changeset-writer';
import { diffSnapshots } from './diff';
import { edit, feature, release, widgets } from './test-support/widgets';

const base = release(widgets(), '1.0.0', '2027-01-04');
const events = diffSnapshots(
  base,
  release(edit(widgets(), (d) => {
    feature(d, 'turbo').stability = 'beta';
    feature(d, 'fan-out').deprecated = { since: 'v2', message: 'use fanOutV2 -- it is faster' };
    d.features = d.features.filter((entry) => entry.name !== 'glow');
  }), 'unreleased', '2027-04-05', base),
);

describe('changesets for release events', () => {
  it('writes one changeset per event with the bump the policy implies', () => {
    const [deprecated, removed, promoted] = events;
    expect(changesetFileName(promoted)).toBe('fg-feature-promoted-turbo.md');
    expect(renderChangeset(removed, '@featuregates/tekton').split('\n').slice(0, 5)).toEqual([
      '---',
      '"@featuregates/tekton": minor',
      '---',
      '',
      'Removed: **`glow`** (was alpha): removed, without a tombstone. Flag: `enable-api-fields: alpha`. Gates `spec.parts[].glow` in Widget (v1, v1beta1). It was in the alpha bundle.',
    ]);
    expect(renderChangeset(deprecated, 'p')).toContain('"p": minor');
  });

  it('reads back the package bumps, the summary and the event, even with "--" in the text', () => {
    const parsed = parseChangeset(renderChangeset(events[0], '@featuregates/tekton'));
    expect(parsed.releases).toEqual([{ name: '@featuregates/tekton', type: 'minor' }]);
    expect(parsed.event).toEqual(events[0]);
    expect(parsed.summary).toContain('use fanOutV2 -- it is faster');
    expect(parsed.summary).not.toContain('featuregates:event');
  });

  it('reads hand-written changesets without an event', () => {
    expect(parseChangeset("---\n'@featuregates/cli': patch\nfoo: major\n---\n\nFix the help text\n")).toEqual({
      releases: [
        { name: '@featuregates/cli', type: 'patch' },
        { name: 'foo', type: 'major' },
      ],
      summary: 'Fix the help text',
    });
  });

  it('plans: new files, unchanged files kept, changed events rewritten, stale generated ones pruned, hand-written ones untouched', () => {
    const existing = new Map([
      [changesetFileName(events[0]), renderChangeset(events[0], 'p')],
      ['renamed-by-hand.md', renderChangeset(events[2], 'p').replace('minor', 'major')],
      ['fg-feature-added-gone.md', renderChangeset({ type: 'kind-added', kind: 'example.dev/v2 Widget', stability: 'stable' }, 'p')],
      ['hand-written.md', '---\n"p": patch\n---\n\nFix a typo\n'],
    ]);
    const plan = planChangesets(events, 'p', existing, { prune: true });
    expect(plan.unchanged).toEqual([changesetFileName(events[0])]);
    expect(plan.write.map((entry) => entry.file)).toEqual([changesetFileName(events[1]), 'renamed-by-hand.md']);
    expect(plan.remove).toEqual(['fg-feature-added-gone.md']);
    expect(planChangesets(events, 'p', existing).remove).toEqual([]);
  });

  it('finds the events no changeset records, and applies a plan to a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-changesets-'));
    writeFileSync(join(dir, 'README.md'), '# not a changeset\n');
    applyChangesetPlan(dir, planChangesets(events.slice(1), 'p', new Map()));
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'fg-feature-promoted-turbo.md', 'fg-feature-removed-glow.md']);
    const onDisk = readChangesetDir(dir);
    expect([...onDisk.keys()]).toEqual(['fg-feature-promoted-turbo.md', 'fg-feature-removed-glow.md']);
    expect(eventsWithoutChangeset(events, onDisk)).toEqual([events[0]]);
    expect(readFileSync(join(dir, 'fg-feature-promoted-turbo.md'), 'utf8')).toContain('Promoted: **`turbo`** from alpha to beta');
  });
});
