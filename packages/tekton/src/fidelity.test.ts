/**
 * The fidelity suite: each case of ./test-support/fidelity-cases.ts (object, config, Tekton's decision, path, named key)
 * evaluated with Tekton's catalog as `featuregates check` does. A case that `departs` asserts
 * featuregates' deliberate answer and says what Tekton does instead.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, parseConfig } from '@featuregates/gates';
import { tektonCatalog } from './catalog';
import { FIDELITY_CASES, type FidelityCase } from './test-support/fidelity-cases';

const label = (c: FidelityCase): string => `${c.departs ? '[departs] ' : ''}${c.name} (${c.source})`;

describe('fidelity to Tekton (tektoncd/pipeline 3ee1745)', () => {
  it.each(FIDELITY_CASES.map((c) => [label(c), c] as const))('%s', (_label, c) => {
    const parsed = parseConfig(tektonCatalog, c.config);
    if (c.decision === 'config-error') {
      expect(parsed.config).toBeUndefined();
      return;
    }
    if (!parsed.config) throw new Error(parsed.errors.map((e) => e.message).join('; '));
    const result = evaluate(c.object, { config: parsed.config, ...(c.oldObject ? { operation: 'UPDATE', oldObject: c.oldObject } : {}) });
    if (c.decision === 'admit') {
      expect(result.violations).toEqual([]);
      return;
    }
    expect(result.allowed).toBe(false);
    const at = result.violations.filter((violation) => violation.path === c.path);
    expect(at.map((violation) => violation.path)).toContain(c.path);
    expect(at.some((violation) => violation.message.includes(c.key as string))).toBe(true);
  });

  it('covers every gated feature of the catalog (a feature added after 3ee1745 by its entry test), v1 and v1beta1, and both own-flag directions', () => {
    const rejected = FIDELITY_CASES.filter((c) => c.decision === 'reject');
    const features = new Set<string>();
    for (const c of rejected) {
      const parsed = parseConfig(tektonCatalog, c.config);
      if (!parsed.config) continue;
      for (const violation of evaluate(c.object, { config: parsed.config }).violations) if (violation.feature) features.add(violation.feature);
    }
    // A feature added since (the feature generator writes entries/feature-NAME.test.ts) is held by its own entry test instead.
    const hasEntryTest = (name: string) => existsSync(join(__dirname, 'entries', `feature-${name}.test.ts`));
    const uncovered = tektonCatalog.features.map((feature) => feature.name).filter((name) => !features.has(name) && !hasEntryTest(name));
    expect(uncovered).toEqual([]);
    expect(features.size).toBeGreaterThan(0);
    const versions = new Set(FIDELITY_CASES.map((c) => (c.object as { apiVersion: string }).apiVersion));
    expect(versions).toEqual(new Set(['tekton.dev/v1', 'tekton.dev/v1beta1', 'tekton.dev/v1alpha1']));
    for (const flag of tektonCatalog.flags.filter((entry) => entry.feature && features.has(entry.feature))) {
      expect(FIDELITY_CASES.some((c) => c.decision === 'reject' && c.config['enable-api-fields'] === 'alpha' && c.key === flag.key)).toBe(true);
      expect(FIDELITY_CASES.some((c) => c.decision === 'admit' && c.config[flag.key] === 'true')).toBe(true);
    }
  });

  it('says why wherever featuregates departs from Tekton', () => {
    for (const c of FIDELITY_CASES.filter((entry) => entry.departs)) expect(c.departs).toMatch(/Tekton .*; featuregates /);
  });
});
