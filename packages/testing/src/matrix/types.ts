import type { Stability } from '@featuregates/gates';

export type MatrixStrategy = 'each' | 'pairwise' | 'full';
export const STRATEGIES: readonly MatrixStrategy[] = ['each', 'pairwise', 'full'];

/** A key the matrix varies, with the values it takes as ConfigMap text (the default first). */
export interface MatrixKey {
  key: string;
  values: readonly string[];
  default: string;
}

/** One configuration to run a suite under: ConfigMap data, ready for FEATUREGATES_CONFIG. */
export interface MatrixConfiguration {
  name: string;
  flags: Readonly<Record<string, string>>;
}

export interface Matrix {
  catalog: string;
  strategy: MatrixStrategy;
  ceiling: Stability;
  /** The varied keys and their values. */
  keys: readonly MatrixKey[];
  /** How many configurations `full` would take: the product of the value counts. */
  fullSize: number;
  configurations: readonly MatrixConfiguration[];
}
