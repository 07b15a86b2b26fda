import { createSwitches, type Snapshot } from '@featuregates/behaviors';
import { widgetsCatalog } from './catalog';

type WidgetSnapshot = Snapshot<typeof widgetsCatalog>;

/** What one reconcile does, decided from one snapshot of the flags. */
export interface ReconcilePlan {
  finish: 'matte' | 'gloss' | 'metallic';
  reuseCachedParts: boolean;
  turbo: boolean;
}

export function plan(flags: WidgetSnapshot): ReconcilePlan {
  return {
    // Typed by the catalog: `get('paint-finish')` is 'matte' | 'gloss' | 'metallic'.
    finish: flags.get('paint-finish'),
    reuseCachedParts: flags.enabled('cache-parts'),
    turbo: flags.featureEnabled('turbo'),
  };
}

/** Switches over the operator's ConfigMap data (a live source in a real controller); warnings go to `warn`. */
export function switchesFor(data: Readonly<Record<string, string>>, warn: (message: string) => void = () => undefined) {
  return createSwitches({ catalog: widgetsCatalog, source: data, logger: { warn, error: warn } });
}

/** Never called: holds that a misspelt flag key does not compile against the published types. */
export function misspeltKey(flags: WidgetSnapshot): boolean {
  // @ts-expect-error: not a bool flag of this catalog
  return flags.enabled('cache-part');
}
