import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSignature, watchFile } from './watch-file';
import { eventually } from './test-support/eventually';

const dir = () => mkdtempSync(join(tmpdir(), 'fg-watch-'));

describe('watchFile', () => {
  it('sees an in-place write, an atomic rename-replace and a removal', async () => {
    const root = dir();
    const file = join(root, 'flags.yaml');
    writeFileSync(file, 'a: "1"\n');
    let changes = 0;
    const watch = watchFile(file, () => changes++, { pollIntervalMs: 100 });
    try {
      writeFileSync(file, 'a: "22"\n');
      await eventually(() => expect(changes).toBeGreaterThanOrEqual(1));
      let before = changes;
      writeFileSync(join(root, '.flags.tmp'), 'a: "333"\n');
      renameSync(join(root, '.flags.tmp'), file);
      await eventually(() => expect(changes).toBe(before + 1));
      before = changes;
      rmSync(file);
      await eventually(() => expect(changes).toBe(before + 1));
    } finally {
      watch.close();
    }
  });

  it('sees Kubernetes\' ..data symlink swap of a mounted ConfigMap', async () => {
    const root = dir();
    const version = (name: string, text: string) => {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, 'flags.yaml'), text);
    };
    version('..2026_01_01_a', 'a: "1"\n');
    symlinkSync('..2026_01_01_a', join(root, '..data'));
    symlinkSync('..data/flags.yaml', join(root, 'flags.yaml'));
    let changes = 0;
    const watch = watchFile(join(root, 'flags.yaml'), () => changes++, { pollIntervalMs: 100 });
    try {
      version('..2026_01_01_b', 'a: "1"\n');
      symlinkSync('..2026_01_01_b', join(root, '..data_tmp'));
      renameSync(join(root, '..data_tmp'), join(root, '..data'));
      rmSync(join(root, '..2026_01_01_a'), { recursive: true });
      await eventually(() => expect(changes).toBe(1));
    } finally {
      watch.close();
    }
  });

  it('sees a file that appears in a directory created later, through the poll', async () => {
    const root = join(dir(), 'later');
    const file = join(root, 'flags.yaml');
    let changes = 0;
    const watch = watchFile(file, () => changes++, { pollIntervalMs: 50 });
    try {
      mkdirSync(root);
      writeFileSync(file, 'a: "1"\n');
      await eventually(() => expect(changes).toBeGreaterThanOrEqual(1));
    } finally {
      watch.close();
    }
  });

  it('calls nothing after close', async () => {
    const root = dir();
    const file = join(root, 'flags.yaml');
    writeFileSync(file, 'a');
    let changes = 0;
    const watch = watchFile(file, () => changes++, { pollIntervalMs: 20 });
    watch.close();
    writeFileSync(file, 'bb');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(changes).toBe(0);
  });

  it('names a missing file by its signature', () => {
    expect(fileSignature(undefined)).toBe('missing');
  });
});
