export { gateTesting, type GateTesting, type GateTestingOptions, type GatedTests, type JestGlobals } from './require-gates';
export { checkRequirements, isMet, type GateRequirements, type Requirement, type CheckedRequirement } from './requirements';
export { runningConfig, runningData, CONFIG_ENV, type RunningData } from './running-config';
export * from './matrix';
