import { expandedNodes } from './expanded-size';
import { parseManifests } from './manifests';

/** A few kilobytes of YAML whose aliases nest embedded pipelineSpecs `levels` deep, `fan` tasks wide: fan^levels tasks once expanded. */
function aliasBomb(levels: number, fan: number): string {
  const lines = ['apiVersion: tekton.dev/v1', 'kind: Pipeline', 'metadata: {name: bomb}', 'x-anchors:', '  - &l0 {name: t, taskRef: {name: t}, matrix: {params: [{name: p, value: [a]}]}}'];
  for (let level = 1; level <= levels; level++) {
    lines.push(`  - &l${level} {name: t${level}, pipelineSpec: {tasks: [${Array.from({ length: fan }, () => `*l${level - 1}`).join(', ')}]}}`);
  }
  lines.push('spec:', `  tasks: [*l${levels}]`);
  return `${lines.join('\n')}\n`;
}

describe('expandedNodes', () => {
  it('counts shared references as often as they are reached, each distinct node worked out once', () => {
    const leaf = { a: 1 };
    const pair = [leaf, leaf];
    expect(expandedNodes([pair, pair], 100)).toBe(1 + 2 * (1 + 2 * 2));
    let wide: unknown = [1];
    for (let i = 0; i < 60; i++) wide = [wide, wide];
    expect(expandedNodes(wide, 1_000_000)).toBeGreaterThan(1_000_000);
  });

  it('is Infinity for a cycle', () => {
    const loop: unknown[] = [];
    loop.push([loop]);
    expect(expandedNodes(loop, 1_000)).toBe(Infinity);
  });
});

describe('manifests from hostile files', () => {
  it('refuses a YAML alias bomb, naming the file, in time linear in its text', () => {
    const text = aliasBomb(9, 10);
    expect(text.length).toBeLessThan(3_000);
    const result = parseManifests('bomb.yaml', text);
    expect(result.objects).toEqual([]);
    expect(result.errors).toEqual([{ file: 'bomb.yaml', message: expect.stringMatching(/^refused: its aliases expand to more than 1,000,000 nodes; write the repeated parts out/) }]);
  });

  it('still reads honest aliases', () => {
    const result = parseManifests('ok.yaml', aliasBomb(3, 3));
    expect(result.errors).toEqual([]);
    expect(result.objects).toHaveLength(1);
  });

});
