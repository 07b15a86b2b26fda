import { defineFlag, type BehaviorFlag, type Stability } from '@featuregates/gates';

type FlagDetails = Omit<Partial<BehaviorFlag>, 'key' | 'type' | 'default'>;

const bool = <const K extends string>(key: K, defaultValue: boolean, description: string, rest: FlagDetails = {}): BehaviorFlag & { readonly key: K; readonly type: 'bool' } => ({
  key,
  type: 'bool',
  default: defaultValue,
  stability: 'stable',
  description,
  history: [],
  ...rest,
});

const trueIs = (stability: Stability): Pick<BehaviorFlag, 'stability' | 'valueStability'> => ({ stability, valueStability: { true: stability } });

export const FLAGS = [
  bool('enable-turbo', false, 'Own flag of the "turbo" feature.', { ...trueIs('alpha'), feature: 'turbo', history: [{ release: 'v1.0.0', date: '2026-06-01', event: 'introduced', stability: 'alpha', default: false }] }),
  bool('fast-polish', false, 'Polish widgets in one pass.', { ...trueIs('alpha'), history: [{ release: 'v1.0.0', date: '2026-06-01', event: 'introduced', stability: 'alpha', default: false }] }),
  bool('keep-scraps', true, 'Keep the scraps of a cancelled build.'),
  defineFlag({
    key: 'paint-mode',
    type: 'enum',
    default: 'matte',
    values: ['matte', 'gloss', 'neon'],
    stability: 'beta',
    valueStability: { gloss: 'beta', neon: 'alpha' },
    description: 'How widgets are painted.',
    history: [{ release: 'v1.0.0', date: '2026-06-01', event: 'introduced', stability: 'beta', default: 'matte' }],
  }),
  defineFlag({
    key: 'max-parts',
    type: 'int',
    default: 8,
    min: 1,
    max: 64,
    stability: 'stable',
    description: 'Upper limit of parts per widget.',
    history: [{ release: 'v1.0.0', date: '2026-06-01', event: 'introduced', default: 8 }],
  }),
] as const satisfies readonly BehaviorFlag[];
