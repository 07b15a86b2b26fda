import { cli } from '../test-support/cli';

describe('featuregates matrix', () => {
  it('prints the each strategy as a table by default: one factor at a time', async () => {
    const result = await cli(['matrix']);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toMatch(/^each: 29 configurations over 22 varied keys of tekton-pipelines; [\d,]+ of 1,189 value pairs covered \(each: 29, pairwise: \d+, full: 37,748,736\)$/);
    expect(lines[2]).toMatch(/^#\s+configuration\s+settings other than the default$/);
    expect(lines[3]).toMatch(/^1\s+enable-api-fields=beta \(defaults\)\s+\(defaults\)$/);
    expect(lines).toContainEqual(expect.stringMatching(/^\d+\s+coschedule=pipelineruns\s+coschedule=pipelineruns$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\d+\s+disable-inline-spec=taskrun\s+disable-inline-spec=taskrun$/));
    expect(lines).toHaveLength(3 + 29);
  });

  it('prints pairwise as JSON that covers every pair, with the counts of every strategy', async () => {
    const result = await cli(['matrix', '--strategy', 'pairwise', '--output', 'json']);
    expect(result.code).toBe(0);
    const matrix = JSON.parse(result.out);
    expect(matrix.strategy).toBe('pairwise');
    expect(matrix.pairs.covered).toBe(matrix.pairs.total);
    expect(matrix.counts).toEqual({ each: 29, pairwise: matrix.configurations.length, full: 37748736 });
    expect(Object.keys(matrix.keys)).toHaveLength(22);
    expect(matrix.configurations[0]).toEqual({ name: 'pairwise-01', flags: expect.objectContaining({ 'enable-api-fields': expect.any(String), coschedule: expect.any(String) }) });
  });

  it('refuses full for Tekton\'s catalog with the reason, and exits 1', async () => {
    const result = await cli(['matrix', '--strategy', 'full']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^featuregates: the full matrix has 37,748,736 configurations .* use --strategy pairwise/);
  });

  it('keeps to a stable bundle\'s values when asked', async () => {
    const matrix = JSON.parse((await cli(['matrix', '--ceiling', 'stable', '-o', 'json'])).out);
    expect(matrix.ceiling).toBe('stable');
    expect(matrix.keys).not.toHaveProperty('enable-api-fields');
    expect(matrix.keys.coschedule).toEqual(['workspaces', 'disabled']);
  });

  it('rejects an unknown strategy and a bad limit as usage errors', async () => {
    expect((await cli(['matrix', '--strategy', 'triplewise'])).code).toBe(2);
    expect((await cli(['matrix', '--strategy', 'full', '--limit', 'many'])).code).toBe(2);
  });
});
