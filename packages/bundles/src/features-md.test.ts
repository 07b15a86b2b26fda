import { featuresMarkdown, variantNamed } from '@featuregates/cli';
import { projectOf } from '@featuregates/gates';
import { tektonCatalog } from '@featuregates/tekton';

describe("Tekton's FEATURES.md", () => {
  const tekton = projectOf(tektonCatalog);
  const stable = featuresMarkdown(tektonCatalog, tekton, variantNamed(tekton, tektonCatalog.defaultLevel, 'stable'), '0.1.0');
  const alpha = featuresMarkdown(tektonCatalog, tekton, variantNamed(tekton, tektonCatalog.defaultLevel, 'alpha'), '0.1.0');

  it('lists every feature, flag and removed key', () => {
    for (const feature of tektonCatalog.features) expect(stable).toContain(`| ${feature.name} | ${feature.stability} |`);
    for (const flag of tektonCatalog.flags) expect(stable).toContain(`| \`${flag.key}\` |`);
    for (const tombstone of tektonCatalog.tombstones) expect(stable).toContain(`| \`${tombstone.key}\` |`);
  });

  it('says whether each feature can be turned on in this bundle, and where it can', () => {
    expect(stable).toContain('| matrix | beta |  | no: in the beta and alpha bundles |');
    expect(stable).toContain('| debug | alpha |  | no: in the alpha bundle |');
    expect(alpha).toContain('| matrix | beta |  | yes: `enable-api-fields: beta` |');
    // Tekton's catalog is own-flag-decides (TEP-0138): only the flag turns param-enum on.
    expect(alpha).toContain('| param-enum | alpha | `enable-param-enum` | yes: `enable-param-enum: "true"` (own-flag-decides: not `enable-api-fields`) |');
  });

  it('shows the default level of the variant', () => {
    expect(stable).toContain('`enable-api-fields` defaults to `stable` here');
    expect(alpha).toContain('`enable-api-fields` defaults to `beta` here');
  });
});
