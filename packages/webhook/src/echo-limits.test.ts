import { MAX_ISSUE_LENGTH, nextState, staticSource, type ConfigState, type Registry } from '@featuregates/gates';
import { featuresView } from './features-view';
import { readiness } from './readiness';

const registry: Registry = {
  name: 'echo',
  apiFieldsKey: 'enable-api-fields',
  defaultLevel: 'beta',
  apiFieldsDescription: 'level',
  apiFieldsHistory: [],
  kinds: [],
  types: {},
  features: [],
  flags: [
    { key: 'banner', type: 'string', default: '', stability: 'stable', description: 'free text', history: [] },
    { key: 'mode', type: 'enum', default: 'a', values: ['a', 'b'], stability: 'stable', description: 'enum', history: [] },
  ],
  tombstones: [],
  aliases: [],
};
const certificate = { loaded: true, notAfter: '2030-01-01T00:00:00.000Z' };
const HUGE = 5_000_000;

describe('what /readyz and /features echo of a hostile config', () => {
  const good = staticSource(registry, { banner: 'b'.repeat(HUGE) }).state();
  const refused: ConfigState = nextState(good, registry, { mode: 'm'.repeat(HUGE), ['k'.repeat(HUGE)]: 'x', 'enable-api-fields': 'z'.repeat(HUGE) }, {});
  const withForeignError: ConfigState = { ...refused, errors: [{ key: 'x'.repeat(HUGE), message: `not valid YAML: ${'y'.repeat(HUGE)}` }] };

  it('clips a refused config\'s errors in /readyz', () => {
    for (const state of [refused, withForeignError]) {
      const body = JSON.stringify(readiness(state, certificate, false));
      expect(body.length).toBeLessThan(4 * MAX_ISSUE_LENGTH);
    }
  });

  it('clips a good config\'s long string value and a refused config\'s errors in /features', () => {
    for (const state of [good, refused, withForeignError]) {
      const view = featuresView(registry, state, 'file /flags.yaml', 'alpha');
      expect(JSON.stringify(view).length).toBeLessThan(6 * MAX_ISSUE_LENGTH);
    }
    expect(featuresView(registry, good, 'file /flags.yaml', 'alpha').flags).toContainEqual({ key: 'banner', value: expect.stringMatching(/^b+…\(5000000 characters\)$/), source: 'configmap' });
  });
});
