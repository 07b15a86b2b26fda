import type { Registry } from '@featuregates/gates';
import { CliError } from '../io';

/**
 * PLACEHOLDER until @featuregates/gates exports `assertValidCatalog` (issue 10, the model part):
 * then this body becomes a call to it, wrapping its error in a CliError. The one place the
 * CLI validates a loaded catalog.
 */
export function assertValidCatalog(registry: Registry, label: string): void {
  const known = new Set(Object.keys(registry.types));
  const unknown = registry.kinds.filter((kind) => !known.has(kind.type)).map((kind) => `kind ${kind.kind} names an unknown type "${kind.type}"`);
  if (unknown.length > 0) throw new CliError(`${label}: not a valid catalog: ${unknown.join('; ')}`);
}
