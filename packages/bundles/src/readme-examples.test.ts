import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '@featuregates/cli';
import { tektonCatalog } from '@featuregates/tekton';

/**
 * The README's examples that show Tekton's answers are checked against Tekton's catalog as it is:
 * a release that changes an answer fails here, naming the line to change, instead of leaving the
 * README to lie. A `console` block right after the marker line is run command by command (`$ npx
 * featuregates …` from the repository root, `$ echo $?` for the exit code) and each line it shows
 * must be printed, in order (a block may leave lines out). Code blocks may not name a key that a
 * release removed.
 */
const MARKER = '<!-- checked: packages/bundles/src/readme-examples.test.ts -->';
const repository = join(__dirname, '../../..');
const readme = readFileSync(join(repository, 'README.md'), 'utf8');

interface Step {
  command: string;
  shown: string[];
}

/** The console blocks that follow the marker, as commands with the lines shown under each. */
function checkedBlocks(text: string): Step[][] {
  const blocks: Step[][] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() !== MARKER) return;
    if (lines[index + 1] !== '```console') throw new Error(`README line ${index + 1}: the marker must be followed by a \`\`\`console block`);
    const steps: Step[] = [];
    for (let i = index + 2; i < lines.length && lines[i] !== '```'; i++) {
      if (lines[i].startsWith('$ ')) steps.push({ command: lines[i].slice(2), shown: [] });
      else steps.at(-1)?.shown.push(lines[i]);
    }
    blocks.push(steps);
  });
  return blocks;
}

async function featuregates(args: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await run(tektonCatalog, args.split(/\s+/), { out: (line) => lines.push(line), err: (line) => lines.push(line), cwd: repository });
  return { code, lines: lines.flatMap((line) => line.split('\n')) };
}

describe("the README's checked examples", () => {
  const blocks = checkedBlocks(readme);

  it('has some', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((steps) => [steps[0].command, steps] as const))('%s …: prints what the README shows', async (_first, steps) => {
    let last = 0;
    for (const { command, shown } of steps) {
      if (command === 'echo $?') {
        expect(`${command} → ${shown.join('\n')}`).toBe(`${command} → ${last}`);
        continue;
      }
      const match = /^npx featuregates (.+)$/.exec(command);
      if (!match) throw new Error(`a checked block runs only "npx featuregates …" and "echo $?": ${command}`);
      const { code, lines } = await featuregates(match[1]);
      last = code;
      // Each shown line, in order, among the printed ones.
      let at = 0;
      for (const line of shown) {
        const found = lines.indexOf(line, at);
        if (found < 0) throw new Error(`README shows a line "${command}" no longer prints:\n  ${line}\nIt prints:\n  ${lines.join('\n  ')}`);
        at = found + 1;
      }
    }
  });

  it('names no removed key in its code examples', () => {
    const code = [...readme.matchAll(/```(?:ts|console|sh)\n([\s\S]*?)```/g)].map((block) => block[1]).join('\n');
    const removed = tektonCatalog.tombstones.map((tombstone) => tombstone.key).filter((key) => new RegExp(`['"]${key}['"]`).test(code));
    expect(removed).toEqual([]);
  });
});
