import { tektonCatalog } from '@featuregates/tekton';
import { renderDocs } from './docs';
import { snapshotOf } from './snapshot';
import { edit, feature, release, widgets } from './test-support/widgets';
// The gate model's two-level fixture (stable and alpha only, as Tekton Triggers has them).
import { twoLevels } from '../../gates/src/test-support/fixture';

const docs = renderDocs(snapshotOf(tektonCatalog, { version: 'unreleased', date: '2026-11-25' }));
const section = (heading: string): string => docs.slice(docs.indexOf(heading)).split(/\n#{2,3} /)[0];

describe('docs/features.md', () => {
  it('tables the alpha and beta features: name, stability, flag, fields, kinds, introduced and promoted in', () => {
    expect(docs).toContain(
      '| [`matrix`](https://tekton.dev/docs/pipelines/matrix/) | beta | `enable-api-fields: beta` | `PipelineTask.matrix` | Pipeline (v1, v1beta1), PipelineRun (v1, v1beta1) | v0.38.0 (alpha) | v0.53.0 (beta) |',
    );
    // own-flag-decides (TEP-0138, pkg/apis/config/feature_flags.go `setPerFeatureFlag`): the level never turns an own-flag feature on.
    expect(docs).toContain('| `cel-in-when-expression` | alpha | own flag `enable-cel-in-whenexpression` alone (`enable-api-fields` does not turn it on) |');
    expect(docs).toContain('(rule `own-flag-decides`)');
    expect(section('## Alpha and beta features')).not.toContain('inline-taskrun-spec');
  });

  it('has a section per kind listing its alpha and beta fields', () => {
    const pipelineRun = section('### tekton.dev/v1 PipelineRun (stable)');
    expect(pipelineRun).toContain('Alpha fields:');
    expect(pipelineRun).toContain('| `spec.pipelineSpec.tasks[].pipelineSpec` | `pipelines-in-pipelines` | `enable-api-fields: alpha` |');
    expect(pipelineRun).toContain('| `spec.pipelineSpec.tasks[].matrix` | `matrix` | `enable-api-fields: beta` |');
    expect(section('### tekton.dev/v1alpha1 VerificationPolicy (alpha)')).toContain('No alpha or beta fields.');
  });

  it('tables the behaviour flags with the code\'s stability (keep-pod-on-cancel is beta, whatever Tekton\'s docs say) and the tombstones', () => {
    expect(docs).toContain('| `keep-pod-on-cancel` | bool | `false` | `true` (beta), `false` | beta | — |');
    expect(docs).toContain('| `coschedule` | enum | `workspaces` | `workspaces`, `pipelineruns` (alpha), `isolate-pipelinerun` (alpha), `disabled` | stable | — |');
    expect(docs).toContain('| `enable-custom-tasks` | bool | `false` | `true`, `false` | stable | deprecated since v0.44.0: custom tasks are always enabled since v0.44.0; the key has no effect |');
    expect(docs).toContain('| `max-result-size` | int | `4096` | an integer from 1 to 1572863 | stable | — |');
    expect(docs).toContain('| `disable-affinity-assistant` | v0.13.0–v0.70.0 | v1.0.0 | use "coschedule": "disabled" instead |');
  });

  it('depends on the catalog only, never on a date', () => {
    expect(renderDocs(snapshotOf(tektonCatalog, { version: '9.9.9', date: '2030-01-01' }))).toBe(docs);
  });

  it('marks deprecated features and lists their notices', () => {
    const deprecated = edit(widgets(), (d) => void (feature(d, 'fan-out').deprecated = { since: 'v2', message: 'use fanOutV2' }));
    const text = renderDocs(release(deprecated, '1.0.0', '2027-01-04'));
    expect(text).toContain('| `fan-out` | beta, deprecated |');
    expect(text).toContain('- `fan-out` (since v2): use fanOutV2');
  });
});

describe('docs/features.md of a catalog with two levels (stable and alpha)', () => {
  const twoLevelDocs = renderDocs(snapshotOf(twoLevels, { version: 'unreleased', date: '2026-11-25' }));

  it('names only its levels and its bundles', () => {
    expect(twoLevelDocs).toContain('`enable-api-fields` takes `stable` or `alpha` (default `stable`)');
    expect(twoLevelDocs).toContain('A bundle cannot turn on anything less stable than its ceiling: alpha features are in the alpha bundle only.');
    expect(twoLevelDocs).toContain('## Alpha features');
    expect(twoLevelDocs).toContain('## Alpha fields per kind');
    expect(twoLevelDocs).toContain('| `spec.triggers[].overlays` | `cel` | `enable-api-fields: alpha` |');
    // Beta appears only as its kind's own version (v1beta1), never as a level or a bundle.
    expect(twoLevelDocs.split('\n').filter((line) => /beta/i.test(line) && !line.includes('v1beta1'))).toEqual([]);
  });

  it('leaves a three-level catalog\'s snapshot as it was: no levels recorded', () => {
    expect(snapshotOf(widgets(), { version: 'unreleased', date: '2026-11-25' }).level).toEqual({ key: 'enable-api-fields', default: 'beta' });
    expect(snapshotOf(tektonCatalog, { version: 'unreleased', date: '2026-11-25' }).level).toEqual({ key: 'enable-api-fields', default: 'beta', ownFlagRule: 'own-flag-decides' });
    expect(snapshotOf(twoLevels, { version: 'unreleased', date: '2026-11-25' }).level).toEqual({ key: 'enable-api-fields', default: 'stable', levels: ['alpha', 'stable'] });
  });
});
