export { featureGenerator, type FeatureGeneratorSchema } from './generators/feature/generator';
export { flagGenerator, type FlagGeneratorSchema } from './generators/flag/generator';
export { promoteGenerator, type PromoteGeneratorSchema } from './generators/promote/generator';
export { apiVersionGenerator, type ApiVersionGeneratorSchema } from './generators/api-version/generator';
export { deprecateGenerator, type DeprecateGeneratorSchema } from './generators/deprecate/generator';
export { removeGenerator, type RemoveGeneratorSchema } from './generators/remove/generator';
export { defaultGenerator, type DefaultGeneratorSchema } from './generators/default/generator';
export { levelDefaultGenerator, type LevelDefaultGeneratorSchema } from './generators/level-default/generator';
