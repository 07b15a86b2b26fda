/**
 * Cases where featuregates once answered differently from Tekton (issue 12), each held to the
 * Tekton source it follows: tektoncd/pipeline at 3ee1745ae5b2d9175b11917d7c1935eaad44910c.
 */
import { evaluate, parseConfig, type GateConfig } from '@featuregates/gates';
import { tektonCatalog } from './catalog';

const config = (data: Record<string, string>): GateConfig => {
  const result = parseConfig(tektonCatalog, data);
  if (!result.config) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.config;
};
const stable = config({ 'enable-api-fields': 'stable' });
const beta = config({ 'enable-api-fields': 'beta' });
const alpha = config({ 'enable-api-fields': 'alpha' });

const object = (version: string, kind: string, spec: unknown) => ({ apiVersion: `tekton.dev/${version}`, kind, metadata: { name: 'x' }, spec });
const scriptTask = (script: string, version = 'v1') => object(version, 'Task', { steps: [{ name: 's', image: 'busybox', script }] });
const pathsOf = (manifest: unknown, under: GateConfig) => evaluate(manifest, { config: under }).violations.map((v) => `${v.path}: ${v.message}`);

describe("the #!win check trims as Go's strings.TrimSpace does", () => {
  // v1/container_validation.go `Step.Validate` and v1beta1/task_validation.go `validateStep` test
  // strings.HasPrefix(strings.TrimSpace(script), "#!win"); v1beta1/stepaction_validation.go
  // `validateStepActionSpec` does the same for a StepAction. TrimSpace trims unicode.IsSpace.
  const goSpaces = ['\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000'];

  it.each(goSpaces.map((space) => [space.codePointAt(0)?.toString(16).padStart(4, '0'), space]))('U+%s before #!win is trimmed: an alpha use under beta', (_code, space) => {
    expect(pathsOf(scriptTask(`${space}#!win pwsh`), beta)).toEqual(['spec.steps[0].script: windows script support requires "enable-api-fields" feature gate to be "alpha" but it is "beta"']);
  });

  it('a byte-order mark is not Go whitespace: a script starting with U+FEFF then #!win is no Windows script, admitted at stable', () => {
    expect(pathsOf(scriptTask('\ufeff#!win pwsh'), stable)).toEqual([]);
    expect(pathsOf(object('v1beta1', 'StepAction', { image: 'x', script: '\ufeff#!win' }), stable)).toEqual([]);
  });

  it('U+0085 (NEL) is Go whitespace though JavaScript\'s \\s leaves it: rejected at beta, in Tasks and StepActions alike', () => {
    expect(pathsOf(scriptTask('\u0085#!win pwsh', 'v1beta1'), beta)).toHaveLength(1);
    expect(pathsOf(object('v1alpha1', 'StepAction', { image: 'x', script: '\u0085#!win' }), beta)).toEqual([
      'spec.script: windows script support requires "enable-api-fields" feature gate to be "alpha" but it is "beta"',
    ]);
    expect(pathsOf(scriptTask('\u0085#!win pwsh'), alpha)).toEqual([]);
  });

  it('other characters before #!win still make it no Windows script', () => {
    expect(pathsOf(scriptTask('x#!win'), stable)).toEqual([]);
    expect(pathsOf(scriptTask('\u200b#!win'), stable)).toEqual([]);
  });
});

describe('disable-inline-spec loads as Tekton loads it', () => {
  // pkg/apis/config/feature_flags.go `setFeatureInlineSpec` keeps the string as written; the checks
  // (v1/taskrun_validation.go `TaskRunSpec.Validate`, v1/pipeline_validation.go
  // `validateEnabledInlineSpec`) split it on "," with no trimming, so " taskrun" matches nothing.
  it('accepts "pipeline, taskrun" with a warning naming the item that matches no kind', () => {
    const parsed = parseConfig(tektonCatalog, { 'disable-inline-spec': 'pipeline, taskrun' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      '"disable-inline-spec": the item " taskrun" matches none of "pipeline", "pipelinerun" or "taskrun", so it has no effect (items are split on commas and not trimmed): write "taskrun" without spaces',
    ]);
  });

  it('forbids embedded specs in Pipelines, but not in TaskRuns, under "pipeline, taskrun"', () => {
    const spaced = config({ 'disable-inline-spec': 'pipeline, taskrun' });
    const inline = { steps: [{ name: 's', image: 'busybox' }] };
    expect(pathsOf(object('v1', 'Pipeline', { tasks: [{ name: 'a', taskSpec: inline }] }), spaced)).toEqual([
      'spec.tasks[0].taskSpec: must not set the field(s): spec.tasks[0].taskSpec ("disable-inline-spec" contains "pipeline")',
    ]);
    expect(pathsOf(object('v1', 'TaskRun', { taskSpec: inline }), spaced)).toEqual([]);
  });

  it('still refuses an item that names no kind even trimmed (a deliberate departure: Tekton loads any string)', () => {
    expect(parseConfig(tektonCatalog, { 'disable-inline-spec': 'pipelines' }).errors.map((e) => e.key)).toEqual(['disable-inline-spec']);
  });
});
