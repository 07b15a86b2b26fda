import { load } from 'js-yaml';
import { parseConfig, projectOf } from '@featuregates/gates';
import { lifecycleKubernetes as catalog } from '../../../gates/src/test-support/lifecycle';
import { featuresMarkdown } from './features-md';
import { configMapYaml } from './release-manifest';
import { variantNamed } from './variants';

const project = projectOf(catalog);
const variant = (name: string) => variantNamed(project, catalog.defaultLevel, name);

describe('a bundle of a catalog with lifecycle entries', () => {
  it('ships its ConfigMap with keys whose default change is announced left unset, so installing it warns until someone chooses', () => {
    const yaml = configMapYaml(catalog, project, variant('alpha'), 'widget-system');
    expect(yaml).toContain('  # mode: "a"\n');
    expect(yaml).toContain('  # enable-api-fields: "beta"\n');
    expect(yaml.replace(/\n\s*# /g, ' ')).toContain('The default becomes "b" (not before 2027-03-01): b is faster. Left unset so that the webhook warns until you choose:');
    const data = (load(yaml) as { data: Record<string, string> }).data;
    const parsed = parseConfig(catalog, data, { ceiling: 'alpha' });
    expect(parsed.errors).toEqual([]);
    // The fixture's deprecated default value "old-style: true" still warns, as deprecated values always have.
    expect(parsed.warnings.map((warning) => warning.key).sort()).toEqual(['enable-api-fields', 'mode', 'old-style']);
  });

  it('keeps the level key set in a bundle whose default does not change, and leaves deprecated flags unset, naming their removal dates', () => {
    const yaml = configMapYaml(catalog, project, variant('stable'), 'widget-system');
    expect(yaml).toContain('  enable-api-fields: "stable"\n');
    expect(yaml).toContain('# Deprecated since v2: no effect; removal not before 2027-01-15. Left unset: setting it warns.\n  # enable-legacy: "false"\n');
  });

  it('lists announced default changes, deprecated features and removed features in FEATURES.md', () => {
    const markdown = featuresMarkdown(catalog, project, variant('alpha'), '1.0.0');
    expect(markdown).toContain('| `mode` | `a` | `b` | 2027-03-01 | b is faster |');
    expect(markdown).toContain('| fan-out | v2 | 2027-09-01 | spread | use spread instead |');
    expect(markdown).toContain('| warp | v3 | it never worked across clusters | turbo | example.dev/v1 Widget `spec.warp`<br>example.dev/v1alpha1 Widget `spec.warp` |');
  });
});
