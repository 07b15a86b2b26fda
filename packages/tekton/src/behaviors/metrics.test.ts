import { parseConfig } from '@featuregates/gates';
import { tektonCatalog } from '../catalog';
import { enabledStates } from '@featuregates/behaviors';

const statesOf = (data: Record<string, string>) => new Map(enabledStates(parseConfig(tektonCatalog, data).config!).map((state) => [state.name, state]));

describe('enabledStates', () => {
  it('reports API features by the gate model and an own flag as its feature, not twice', () => {
    const states = statesOf({ 'enable-api-fields': 'stable', 'enable-param-enum': 'true' });
    expect(states.get('param-enum')).toEqual({ name: 'param-enum', stage: 'alpha', enabled: true });
    expect(states.get('matrix')).toEqual({ name: 'matrix', stage: 'beta', enabled: false });
    expect(states.has('enable-param-enum')).toBe(false);
  });

  it('reports boolean behaviour flags by value and leaves enums and lists out', () => {
    const states = statesOf({ 'set-security-context': 'true' });
    expect(states.get('set-security-context')).toEqual({ name: 'set-security-context', stage: 'stable', enabled: true });
    expect(states.get('await-sidecar-readiness')?.enabled).toBe(true);
    expect(states.has('coschedule')).toBe(false);
    expect(states.has('disable-inline-spec')).toBe(false);
  });
});
