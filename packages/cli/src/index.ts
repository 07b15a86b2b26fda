export { run, runProgram, createProgram, createServeProgram, type ProgramFactory } from './program';
export { main, serveMain } from './main';
export { type Io, processIo, EXIT, CliError } from './io';
export { parseManifests, readManifests, objectLabel, type ManifestObject } from './manifests';
export { configDataOf, readConfigFile, loadConfig, parseSets } from './config-input';
