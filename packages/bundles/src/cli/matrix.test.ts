import { generateMatrix } from '@featuregates/testing';
import { tektonCatalog } from '@featuregates/tekton';
import { cli } from '../test-support/cli';

// The sizes come from the matrix library over the live catalog (its own tests hold the rule), so a release that adds or removes a flag changes both sides.
const grouped = (n: number) => n.toLocaleString('en-US');
const each = generateMatrix(tektonCatalog, 'each', { ceiling: 'alpha' });
const pairwise = generateMatrix(tektonCatalog, 'pairwise', { ceiling: 'alpha' });

describe('featuregates matrix', () => {
  it('prints the each strategy as a table by default: one factor at a time', async () => {
    const result = await cli(['matrix']);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    const n = each.configurations.length;
    expect(lines[0]).toMatch(
      new RegExp(`^each: ${n} configurations over ${each.keys.length} varied keys of tekton-pipelines; [\\d,]+ of [\\d,]+ value pairs covered \\(each: ${n}, pairwise: ${pairwise.configurations.length}, full: ${grouped(each.fullSize)}\\)$`),
    );
    expect(lines[2]).toMatch(/^#\s+configuration\s+settings other than the default$/);
    expect(lines[3]).toMatch(/^1\s+enable-api-fields=beta \(defaults\)\s+\(defaults\)$/);
    expect(lines).toContainEqual(expect.stringMatching(/^\d+\s+coschedule=pipelineruns\s+coschedule=pipelineruns$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\d+\s+disable-inline-spec=taskrun\s+disable-inline-spec=taskrun$/));
    expect(lines).toHaveLength(3 + n);
  });

  it('prints pairwise as JSON that covers every pair a configuration can hold, with the counts of every strategy', async () => {
    const result = await cli(['matrix', '--strategy', 'pairwise', '--output', 'json']);
    expect(result.code).toBe(0);
    const matrix = JSON.parse(result.out);
    expect(matrix.strategy).toBe('pairwise');
    // `enable-api-fields: alpha` forces each varied legacy key on: "alpha with it false" is no configuration.
    const legacy = tektonCatalog.flags.filter((flag) => flag.impliedBy === 'alpha' && flag.key in matrix.keys).length;
    expect(matrix.pairs.total - matrix.pairs.covered).toBe(legacy);
    expect(matrix.counts).toEqual({ each: each.configurations.length, pairwise: matrix.configurations.length, full: each.fullSize });
    expect(Object.keys(matrix.keys)).toEqual(each.keys.map((entry) => entry.key));
    expect(matrix.configurations[0]).toEqual({ name: 'pairwise-01', flags: expect.objectContaining({ 'enable-api-fields': expect.any(String), coschedule: expect.any(String) }) });
  });

  it('refuses full for Tekton\'s catalog with the reason, and exits 1', async () => {
    const result = await cli(['matrix', '--strategy', 'full']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`^featuregates: the full matrix has ${grouped(each.fullSize)} configurations .* use --strategy pairwise`));
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
