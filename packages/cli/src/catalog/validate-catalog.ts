import { assertValidCatalog as assertValid, CatalogError, type Registry } from '@featuregates/gates';
import { CliError } from '../io';

/** The one place the CLI validates a loaded catalog: every problem, each naming its entry, or nothing. */
export function assertValidCatalog(registry: Registry, label: string): void {
  try {
    assertValid(registry);
  } catch (error) {
    if (error instanceof CatalogError) throw new CliError(`${label}: ${error.message}`);
    throw error;
  }
}
