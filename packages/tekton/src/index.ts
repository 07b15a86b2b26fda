export { tektonCatalog } from './catalog';
export { FEATURES } from './features';
export { FLAGS } from './flags';
export { TOMBSTONES, ALIASES } from './tombstones';
export { KINDS, TYPES } from './types';
export { RELEASE_DATES } from './releases';
