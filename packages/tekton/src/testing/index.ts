import { gateTesting } from '@featuregates/testing';
import { tektonCatalog } from '../catalog';

/**
 * Feature-matrix skip helpers bound to Tekton's catalog: `requireGates({ 'enable-api-fields': 'alpha' })`.
 * Another project binds its own with `gateTesting(catalog)` from `@featuregates/testing`.
 */
const tekton = gateTesting(tektonCatalog);

/** `requireGates` over Tekton's catalog. */
export const requireGates = tekton.requireGates;
/** `requireAnyGate` over Tekton's catalog. */
export const requireAnyGate = tekton.requireAnyGate;
/** The config this process runs under, parsed with Tekton's catalog. */
export const runningTektonConfig = tekton.runningConfig;
