export { createSwitches, type Switches, type SwitchesOptions, type ChangeListener } from './switches';
export { createSnapshot, UnknownFlagError, type Snapshot } from './snapshot';
export { provenanceRecord, type ProvenanceRecord } from './provenance-record';
export { fromProvenance, type ProvenanceReading, type DroppedEntry } from './read-provenance';
export { deprecationsInUse, type DeprecationInUse } from './deprecations';
export { enabledStates, featureEnabledGauge, recordEnabled, FEATURE_ENABLED_METRIC, type EnabledState } from './metrics';
export { jsonLogger, type Logger } from './logger';
