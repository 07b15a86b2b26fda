import { ELIDED_PATH_HEAD, ELIDED_PATH_TAIL, EXACT_PATH_SEGMENTS, PathTable, type PathSegment } from './path-table';

const chain = (paths: PathTable, segments: readonly PathSegment[]): number[] => {
  const ids: number[] = [];
  let id = PathTable.ROOT;
  for (const segment of segments) {
    id = paths.child(id, segment);
    ids.push(id);
  }
  return ids;
};

describe('PathTable', () => {
  it('gives entries of the same path the same canonical id and different paths different ones', () => {
    const paths = new PathTable();
    const [spec, tasks, first] = chain(paths, ['spec', 'tasks', 0]);
    const again = chain(paths, ['spec', 'tasks', 0]);
    expect(again).not.toEqual([spec, tasks, first]);
    // Asked deepest first, so interning walks up through entries not yet interned.
    expect(again.reverse().map((id) => paths.canonical(id))).toEqual([first, tasks, spec].map((id) => paths.canonical(id)));
    const canonical = (id: number) => paths.canonical(id);
    expect(canonical(paths.child(tasks, 1))).not.toBe(canonical(first));
    expect(canonical(paths.child(spec, 0))).not.toBe(canonical(first));
    expect(canonical(paths.child(spec, '0'))).not.toBe(canonical(paths.child(spec, 0)));
    expect(new Set([PathTable.ROOT, spec, tasks, first].map(canonical)).size).toBe(4);
    expect(paths.depth(first)).toBe(3);
  });

  it('renders YAML paths, elements without a dot', () => {
    const paths = new PathTable();
    const ids = chain(paths, ['spec', 'tasks', 0, 'params', 12, 'enum']);
    expect(paths.render(ids[5])).toBe('spec.tasks[0].params[12].enum');
    expect(paths.render(ids[2])).toBe('spec.tasks[0]');
    expect(paths.render(PathTable.ROOT)).toBe('');
  });

  it(`renders paths of up to ${EXACT_PATH_SEGMENTS} segments exactly`, () => {
    const paths = new PathTable();
    const ids = chain(paths, ['spec', ...Array.from({ length: EXACT_PATH_SEGMENTS - 1 }, () => 'child')]);
    expect(paths.render(ids[EXACT_PATH_SEGMENTS - 1])).toBe(['spec', ...Array(EXACT_PATH_SEGMENTS - 1).fill('child')].join('.'));
  });

  it('leaves out the middle of a deeper path and says how many segments it left out', () => {
    const paths = new PathTable();
    const segments = Array.from({ length: 1000 }, (_, i) => `f${i}`);
    const ids = chain(paths, segments);
    const head = segments.slice(0, ELIDED_PATH_HEAD).join('.');
    const tail = segments.slice(-ELIDED_PATH_TAIL).join('.');
    expect(paths.render(ids[999])).toBe(`${head}.…(${1000 - ELIDED_PATH_HEAD - ELIDED_PATH_TAIL} segments left out).${tail}`);
    expect(paths.render(ids[EXACT_PATH_SEGMENTS])).toContain('.…(1 segment left out).');
    expect(paths.render(paths.child(ids[999], 7))).toMatch(/\.f999\[7\]$/);
  });

  it('keeps the total length of rendered paths linear in the number of paths, however deep', () => {
    const paths = new PathTable();
    const ids = chain(paths, Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? 'pipelineSpec' : 'tasks')));
    const longest = 'pipelineSpec.'.length * (ELIDED_PATH_HEAD + ELIDED_PATH_TAIL) + '…(10000 segments left out).'.length;
    let total = 0;
    for (const id of ids) {
      const rendered = paths.render(id);
      expect(rendered.length).toBeLessThanOrEqual(longest);
      total += rendered.length;
    }
    expect(total).toBeLessThanOrEqual(ids.length * longest);
  });
});
