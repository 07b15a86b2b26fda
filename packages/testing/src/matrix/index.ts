export { generateMatrix, MatrixTooLargeError, DEFAULT_FULL_LIMIT, type MatrixOptions } from './generate';
export { matrixKeys } from './keys';
export { effectiveFlags, missingPairs, pairCount, type ValuePair } from './coverage';
export { isRealConfiguration } from './validity';
export { pairwiseRows } from './pairwise';
export { STRATEGIES, type Matrix, type MatrixConfiguration, type MatrixKey, type MatrixStrategy } from './types';
