import { gateTesting, type JestGlobals } from '@featuregates/testing';
import { widgetsCatalog } from './catalog';

/**
 * Gate-aware test helpers bound to this operator's catalog: a test declared through them runs only
 * when the running config (FEATUREGATES_CONFIG) meets its requirements. Requirements are typed by
 * the catalog, so a misspelt key or an impossible value does not compile.
 */
export function widgetTests(globals?: JestGlobals) {
  const gates = gateTesting(widgetsCatalog, globals ? { globals } : {});
  return {
    turbo: gates.requireGates({ 'enable-turbo': true }),
    metallic: gates.requireGates({ 'paint-finish': 'metallic' }),
    anyAlpha: gates.requireAnyGate({ 'enable-api-fields': 'alpha', 'enable-turbo': true }),
  };
}

/** Never called: these lines hold that the published types catch mistakes at compile time. */
export function mistakesThatDoNotCompile(gates = gateTesting(widgetsCatalog)): void {
  // @ts-expect-error: not a flag of this catalog
  gates.requireGates({ 'enable-turbos': true });
  // @ts-expect-error: not a value of paint-finish
  gates.requireGates({ 'paint-finish': 'chrome' });
}
