import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigState } from '@featuregates/gates';
import { catalog } from './test-support/catalog';
import { fileSource } from './file-source';
import { eventually } from './test-support/eventually';

const setup = (text?: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'fg-file-source-'));
  const path = join(dir, 'flags.yaml');
  if (text !== undefined) writeFileSync(path, text);
  return { dir, path };
};

describe('fileSource', () => {
  it('loads a ConfigMap manifest and follows edits', async () => {
    const { path } = setup('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: feature-flags}\ndata:\n  enable-api-fields: "stable"\n');
    const source = fileSource(catalog, path, { pollIntervalMs: 100 });
    const seen: ConfigState[] = [];
    source.onChange((state) => seen.push(state));
    try {
      expect(source.state().config?.level).toBe('stable');
      expect(source.state().config?.levelSource).toBe('configmap');
      writeFileSync(path, 'enable-api-fields: "alpha"\n');
      await eventually(() => expect(source.state().config?.level).toBe('alpha'));
      expect(seen.at(-1)?.config?.level).toBe('alpha');
    } finally {
      await source.close();
    }
  });

  it('refuses a reload with a 2,000,000-character key through the bounded parse, echoing it clipped', async () => {
    const { path } = setup('enable-api-fields: "beta"\n');
    const source = fileSource(catalog, path, { pollIntervalMs: 50 });
    try {
      writeFileSync(path, `${'k'.repeat(2_000_000)}: "v"\nenable-api-fields: "alpha"\n`);
      await eventually(() => expect(source.state().errors[0]?.message).toMatch(/^invalid key "k+…\(2000000 characters\)"/));
      expect(source.state().config?.level).toBe('beta');
      expect(JSON.stringify(source.state().errors).length).toBeLessThan(1_000);
    } finally {
      await source.close();
    }
  });

  it('keeps the last good config when the file turns bad, reports why, and recovers', async () => {
    const { dir, path } = setup('enable-api-fields: "beta"\n');
    const source = fileSource(catalog, path, { pollIntervalMs: 100 });
    try {
      writeFileSync(path, 'enable-api-fields: "betta"\n');
      await eventually(() => expect(source.state().errors[0]?.message).toContain('"betta"'));
      expect(source.state().config?.level).toBe('beta');
      writeFileSync(path, 'enable-api-fields: [unclosed\n');
      await eventually(() => expect(source.state().errors[0]?.message).toContain('not valid YAML'));
      rmSync(path);
      await eventually(() => expect(source.state().errors[0]?.message).toContain('no such file'));
      expect(source.state().config?.level).toBe('beta');
      writeFileSync(join(dir, 'next'), 'enable-api-fields: "stable"\n');
      renameSync(join(dir, 'next'), path);
      await eventually(() => expect(source.state().config?.level).toBe('stable'));
      expect(source.state().errors).toEqual([]);
    } finally {
      await source.close();
    }
  });

  it('starts without a config when the file is missing or bad, and says so', async () => {
    const missing = fileSource(catalog, setup().path);
    expect(missing.state().config).toBeUndefined();
    expect(missing.state().errors[0].message).toMatch(/cannot read the config file: no such file$/);
    await missing.close();
    const unknown = fileSource(catalog, setup('enable-api-feilds: alpha\n').path);
    expect(unknown.state().errors[0].message).toBe('unknown key "enable-api-feilds": did you mean "enable-api-fields"?');
    await unknown.close();
  });

  it('applies the ceiling', async () => {
    const source = fileSource(catalog, setup('enable-api-fields: alpha\n').path, { ceiling: 'beta' });
    expect(source.state().config).toBeUndefined();
    expect(source.state().errors[0].message).toContain('this is the beta bundle');
    await source.close();
  });

  it('re-reads on refresh, and counts a revision only for new bytes', async () => {
    const { path } = setup('enable-api-fields: stable\n');
    const source = fileSource(catalog, path, { pollIntervalMs: 60_000 });
    try {
      const first = source.state().revision;
      expect((await source.refresh()).revision).toBe(first);
      writeFileSync(path, 'enable-api-fields: beta\n');
      const after = await source.refresh();
      expect(after.config?.level).toBe('beta');
      expect(after.revision).toBe(first + 1);
    } finally {
      await source.close();
    }
  });
});
