import { CORE_SCHEMA, load } from 'js-yaml';

export type ConfigDocument = { ok: true; data: Record<string, unknown> } | { ok: false; message: string };

/**
 * The `data` of a feature-flags config document: a ConfigMap manifest (its `data`) or a plain
 * key/value map; an empty document is an empty map. `origin` names the document in messages.
 */
export function configDataOf(document: unknown, origin: string): ConfigDocument {
  if (document === null || document === undefined) return { ok: true, data: {} };
  if (typeof document !== 'object' || Array.isArray(document)) {
    return { ok: false, message: `${origin}: expected a ConfigMap manifest or a map of feature-flag keys to values` };
  }
  const record = document as Record<string, unknown>;
  if (record.kind !== 'ConfigMap') return { ok: true, data: record };
  const data = record.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data) || data === null) return { ok: false, message: `${origin}: the ConfigMap's data must be a map` };
  return { ok: true, data: data as Record<string, unknown> };
}

/** Parses YAML (JSON included) text of a config file into its `data`. */
export function parseConfigText(text: string, origin: string): ConfigDocument {
  let document: unknown;
  try {
    document = load(text, { schema: CORE_SCHEMA, filename: origin });
  } catch (error) {
    return { ok: false, message: `${origin}: not valid YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  return configDataOf(document, origin);
}
