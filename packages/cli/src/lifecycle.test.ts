// What the commands tell a user about lifecycle entries: deprecations, removed features and
// announced default changes, over the gate model's lifecycle fixture.
import { join } from 'node:path';
import { cliIn, tempDir } from './test-support/cli';

const CATALOG = join(__dirname, 'test-support', 'lifecycle-catalog.ts');
const run = (argv: string[], files: Record<string, string> = {}) => cliIn(tempDir(files), [...argv, '--catalog', CATALOG]);

const widget = (spec: string) => `apiVersion: example.dev/v1\nkind: Widget\nmetadata: {name: w}\nspec: ${spec}\n`;

describe('lifecycle entries in the commands', () => {
  it('check refuses a removed feature\'s field at every level, with "removed in RELEASE: NOTE"', async () => {
    for (const level of ['stable', 'beta', 'alpha']) {
      const result = await run(['check', 'w.yaml', '--api-fields', level], { 'w.yaml': widget('{warp: {to: east}}') });
      expect(result.code).toBe(1);
      expect(result.out).toBe('w.yaml: Widget/w: spec.warp: warp was removed in v3: it never worked across clusters; no setting turns it back on: remove the field, or use turbo instead');
    }
  });

  it('check warns of a deprecated feature in use with its removal date', async () => {
    const result = await run(['check', 'w.yaml', '--api-fields', 'beta'], { 'w.yaml': widget('{parts: [{fanOut: {params: [{name: x}]}}]}') });
    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toEqual([
      'w.yaml: Widget/w: warning: spec.parts[0].fanOut: uses beta feature "fan-out"',
      'w.yaml: Widget/w: warning: spec.parts[0].fanOut: "fan-out" is deprecated: use spread instead; removal not before 2027-09-01',
    ]);
  });

  it('check shows the announced default changes a config that relies on the defaults is warned of', async () => {
    const result = await run(['check', 'w.yaml'], { 'w.yaml': widget('{}') });
    expect(result.err).toContain('config: warning: "mode" is unset, so it takes the default "a"; the default becomes "b" (not before 2027-03-01): b is faster.');
  });

  it('config validate shows the default-change warning only while the key is unset', async () => {
    const unset = await run(['config', 'validate', 'flags.yaml'], { 'flags.yaml': 'enable-api-fields: beta\n' });
    expect(unset.code).toBe(0);
    expect(unset.out).toContain('flags.yaml: warning: "mode" is unset, so it takes the default "a"; the default becomes "b" (not before 2027-03-01): b is faster. Set "mode" in ConfigMap widget-system/widget-flags to pin either value.');
    const pinned = await run(['config', 'validate', 'flags.yaml'], { 'flags.yaml': 'enable-api-fields: beta\nmode: a\n' });
    expect(pinned.out).not.toContain('is unset');
  });

  it('requirements names a removed feature that no level admits, and fails', async () => {
    const result = await run(['requirements', 'w.yaml'], { 'w.yaml': widget('{warp: 1, turbo: true}') });
    expect(result.code).toBe(1);
    expect(result.out).toContain('w.yaml: Widget/w: spec.warp: warp was removed in v3: it never worked across clusters; no setting turns it back on: remove the field, or use turbo instead; no enable-api-fields admits it');
    expect(result.out).toContain('w.yaml: Widget/w: enable-api-fields: alpha (for turbo)');
  });

  it('explain shows a deprecated feature\'s notice, removal date and replacement', async () => {
    const result = await run(['explain', 'fan-out']);
    expect(result.out).toContain('deprecated: use spread instead; removal not before 2027-09-01 (announced in v2)\n  replaced by: spread');
  });

  it('explain shows a deprecated flag\'s notice, and says when no removal date was announced', async () => {
    expect((await run(['explain', 'enable-legacy'])).out).toContain('deprecated: no effect; removal not before 2027-01-15 (announced in v2)');
    expect((await run(['explain', 'inline'])).out).toContain('deprecated: inline widgets go away (announced in v2)\n  no removal date announced yet');
  });

  it('explain shows a flag\'s and the level\'s announced default change', async () => {
    expect((await run(['explain', 'mode'])).out).toContain('default changes: "a" → "b" (not before 2027-03-01; announced in v2): b is faster');
    const level = (await run(['explain', 'enable-api-fields'])).out;
    expect(level).toContain('default changes: "beta" → "stable" (not before 2027-06-01; announced in v2): beta features become opt-in');
    expect(level).toContain('removed features (refused at every level):\n  warp: removed in v3\n  legacy-parts: removed in v3');
  });

  it('explain knows a removed feature: when, why, what replaces it, where it is refused', async () => {
    const result = await run(['explain', 'warp']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('removed feature warp ("warp"): alpha until removed in v3');
    expect(result.out).toContain('removed in v3: it never worked across clusters\nreplaced by: turbo');
    expect(result.out).toContain('refused at every level and in every bundle, at:\n  example.dev/v1 Widget: spec.warp');
    expect((await run(['explain', 'enable-warp'])).out).toContain('the own flag of removed feature warp: featuregates explain warp');
    expect((await run(['explain', 'wrap'])).err).toContain('did you mean "warp"?');
  });
});
