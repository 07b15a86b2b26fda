import { compileRegistry, defaultConfig, formatValue, parseConfig, validateCatalog } from '@featuregates/gates';
import { tektonCatalog } from './catalog';
import { announcedUnsetKeys } from './test-support/announced-defaults';

// Every key of tektoncd/pipeline's config/config-feature-flags.yaml at 3ee1745, with its value there.
const CURRENT_CONFIGMAP: Record<string, string> = {
  coschedule: 'workspaces',
  'disable-creds-init': 'false',
  'await-sidecar-readiness': 'true',
  'running-in-environment-with-injected-sidecars': 'true',
  'require-git-ssh-secret-known-hosts': 'false',
  'enable-tekton-oci-bundles': 'false',
  'enable-api-fields': 'beta',
  'send-cloudevents-for-runs': 'true',
  'trusted-resources-verification-no-match-policy': 'ignore',
  'enable-provenance-in-status': 'true',
  'enforce-nonfalsifiability': 'none',
  'results-from': 'termination-message',
  'set-security-context': 'false',
  'set-security-context-read-only-root-filesystem': 'false',
  'keep-pod-on-cancel': 'false',
  'enable-cel-in-whenexpression': 'false',
  'enable-artifacts': 'false',
  'enable-param-enum': 'false',
  'disable-inline-spec': '',
  'enable-concise-resolver-syntax': 'false',
  'enable-kubernetes-sidecar': 'false',
  'enable-step-actions': 'true',
  'enable-wait-exponential-backoff': 'false',
  'enable-termination-message-compression': 'false',
  'enable-informer-cache-transforms': 'true',
};

// Every key any release from v0.11.0 to v1.15.0 shipped, with every value seen in a shipped file
// (shared/tekton-catalog.md §8).
const EVER_SHIPPED: [string, string[]][] = [
  ['disable-home-env-overwrite', ['false', 'true']],
  ['disable-working-directory-overwrite', ['false', 'true']],
  ['disable-affinity-assistant', ['false']],
  ['running-in-environment-with-injected-sidecars', ['true']],
  ['require-git-ssh-secret-known-hosts', ['false']],
  ['disable-creds-init', ['false']],
  ['enable-tekton-oci-bundles', ['false']],
  ['enable-custom-tasks', ['false', 'true']],
  ['enable-api-fields', ['beta', 'stable']],
  ['scope-when-expressions-to-task', ['false', 'true']],
  ['send-cloudevents-for-runs', ['false', 'true']],
  ['await-sidecar-readiness', ['true']],
  ['resource-verification-mode', ['skip']],
  ['enable-provenance-in-status', ['false', 'true']],
  ['embedded-status', ['full', 'minimal']],
  ['custom-task-version', ['v1alpha1', 'v1beta1']],
  ['enforce-nonfalsifiablity', ['none']],
  ['trusted-resources-verification-no-match-policy', ['ignore', 'fail', 'warn']],
  ['results-from', ['termination-message', 'sidecar-logs']],
  ['set-security-context', ['false']],
  ['coschedule', ['workspaces', 'pipelineruns', 'isolate-pipelinerun', 'disabled']],
  ['enforce-nonfalsifiability', ['none', 'spire']],
  ['max-result-size', ['4096']],
  ['keep-pod-on-cancel', ['false']],
  ['enable-cel-in-whenexpression', ['false']],
  ['enable-step-actions', ['false', 'true']],
  ['enable-param-enum', ['false']],
  ['enable-artifacts', ['false']],
  ['disable-inline-spec', ['']],
  ['enable-concise-resolver-syntax', ['false']],
  ['enable-kubernetes-sidecar', ['false']],
  ['set-security-context-read-only-root-filesystem', ['false']],
  ['enable-wait-exponential-backoff', ['false']],
  ['enable-termination-message-compression', ['false']],
  ['enable-informer-cache-transforms', ['true']],
];

describe('Tekton catalog', () => {
  it('compiles: every type, kind and use points at something real', () => {
    expect(() => compileRegistry(tektonCatalog)).not.toThrow();
  });

  it("loads Tekton's current config-feature-flags.yaml without an error, warning only of the keys deprecated or removed since and of announced defaults it relies on", () => {
    const result = parseConfig(tektonCatalog, CURRENT_CONFIGMAP);
    expect(result.errors).toEqual([]);
    // At 3ee1745: enable-step-actions, enable-tekton-oci-bundles and send-cloudevents-for-runs; a later release may deprecate or remove more.
    const retired = new Set([...tektonCatalog.flags.filter((flag) => flag.deprecated).map((flag) => flag.key), ...tektonCatalog.tombstones.map((tombstone) => tombstone.key)]);
    // A later release may also announce a default change: the keys the file leaves unset hear of it.
    const expected = [...Object.keys(CURRENT_CONFIGMAP).filter((key) => retired.has(key)), ...announcedUnsetKeys(tektonCatalog, CURRENT_CONFIGMAP)];
    expect([...new Set(result.warnings.map((w) => w.key))].sort()).toEqual(expected.sort());
  });

  it('knows every key of the current ConfigMap as a flag, the level or a removed key', () => {
    const keys = new Set([tektonCatalog.apiFieldsKey, ...tektonCatalog.flags.map((flag) => flag.key), ...tektonCatalog.tombstones.map((tombstone) => tombstone.key)]);
    for (const key of Object.keys(CURRENT_CONFIGMAP)) expect(keys).toContain(key);
  });

  it.each(EVER_SHIPPED)('loads %s with every value a release shipped', (key, values) => {
    for (const value of values) {
      const result = parseConfig(tektonCatalog, { [key]: value });
      expect(result.errors).toEqual([]);
    }
  });

  it("matches Tekton's code defaults (pkg/apis/config/feature_flags.go) for every key it still holds", () => {
    const config = defaultConfig(tektonCatalog);
    expect(config.level).toBe('beta');
    const CODE_DEFAULTS: Record<string, unknown> = {
      coschedule: 'workspaces',
      'await-sidecar-readiness': true,
      'running-in-environment-with-injected-sidecars': true,
      'send-cloudevents-for-runs': true,
      'enable-provenance-in-status': true,
      'results-from': 'termination-message',
      'max-result-size': 4096,
      'trusted-resources-verification-no-match-policy': 'ignore',
      'enforce-nonfalsifiability': 'none',
      'disable-inline-spec': [],
      'keep-pod-on-cancel': false,
      'enable-informer-cache-transforms': true,
    };
    // A key a later release removed is a tombstone instead; a flipped default is its entry's own test.
    for (const [key, value] of Object.entries(CODE_DEFAULTS)) {
      if (tektonCatalog.tombstones.some((tombstone) => tombstone.key === key)) continue;
      if (tektonCatalog.flags.find((flag) => flag.key === key)?.history.some((entry) => entry.event === 'default-changed' && (entry.date ?? '') > '2026-07-31')) continue;
      expect([key, config.values.get(key)?.value]).toEqual([key, value]);
    }
  });

  it('rejects a max-result-size at the 1.5 MB CRD limit, as Tekton does', () => {
    expect(parseConfig(tektonCatalog, { 'max-result-size': '1572864' }).errors).toHaveLength(1);
    expect(parseConfig(tektonCatalog, { 'max-result-size': '1572863' }).errors).toEqual([]);
  });

  it('maps the misspelt enforce-nonfalsifiablity onto the real key', () => {
    const result = parseConfig(tektonCatalog, { 'enforce-nonfalsifiablity': 'spire' });
    expect(result.config?.values.get('enforce-nonfalsifiability')).toEqual({ value: 'spire', source: 'configmap' });
  });

  it('links every own flag to its feature and back', () => {
    for (const feature of tektonCatalog.features.filter((f) => f.flag)) {
      expect(tektonCatalog.flags.find((flag) => flag.key === feature.flag)?.feature).toBe(feature.name);
    }
    for (const flag of tektonCatalog.flags.filter((f) => f.feature)) {
      expect(tektonCatalog.features.find((feature) => feature.name === flag.feature)?.flag).toBe(flag.key);
    }
  });

  it('gives every feature and flag a description and a dated history', () => {
    for (const entry of [...tektonCatalog.features, ...tektonCatalog.flags]) {
      expect(entry.description.length).toBeGreaterThan(10);
      expect(entry.history.length).toBeGreaterThan(0);
      expect(entry.history[0].date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('has unique names, keys and tombstones that are not also live keys', () => {
    const names = tektonCatalog.features.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const keys = tektonCatalog.flags.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const tombstone of tektonCatalog.tombstones) expect(keys).not.toContain(tombstone.key);
  });

  it('implies the TEP\'s legacy flags under alpha, while they last, and no other', () => {
    const legacy = tektonCatalog.flags.filter((flag) => flag.impliedBy);
    for (const flag of legacy) expect(['enable-custom-tasks', 'enable-tekton-oci-bundles']).toContain(flag.key);
    const config = parseConfig(tektonCatalog, { 'enable-api-fields': 'alpha' }).config;
    for (const flag of legacy) expect(config?.values.get(flag.key)).toEqual({ value: true, source: 'implied' });
  });

  it('refuses a value in every bundle below its maturity, and admits it from there: coschedule "disabled" everywhere', () => {
    expect(parseConfig(tektonCatalog, { coschedule: 'disabled' }, { ceiling: 'stable' }).errors).toEqual([]);
    const below = { alpha: ['stable', 'beta'], beta: ['stable'], stable: [] } as const;
    for (const flag of tektonCatalog.flags) {
      for (const [value, stability] of Object.entries(flag.valueStability ?? {})) {
        // A flipped default may keep its value's maturity: pinning the default is admitted in every bundle.
        if (value === formatValue(flag.default)) {
          expect(parseConfig(tektonCatalog, { [flag.key]: value }, { ceiling: 'stable' }).errors).toEqual([]);
          continue;
        }
        for (const ceiling of below[stability]) expect(parseConfig(tektonCatalog, { [flag.key]: value }, { ceiling }).errors).toHaveLength(1);
        expect(parseConfig(tektonCatalog, { [flag.key]: value }, { ceiling: stability }).errors).toEqual([]);
      }
    }
  });
});

describe('the catalog as data', () => {
  it('passes validateCatalog: every type, own flag, default, pattern, history and level it names holds', () => {
    expect(validateCatalog(tektonCatalog)).toEqual([]);
  });
});
