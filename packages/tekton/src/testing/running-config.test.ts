import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tektonCatalog } from '../catalog';
import { runningConfig, runningData } from '@featuregates/testing';

describe('runningData', () => {
  it('reads inline JSON: a plain map, a ConfigMap, or a matrix configuration', () => {
    expect(runningData({ FEATUREGATES_CONFIG: '{"coschedule":"disabled"}' }).data).toEqual({ coschedule: 'disabled' });
    expect(runningData({ FEATUREGATES_CONFIG: JSON.stringify({ kind: 'ConfigMap', data: { coschedule: 'disabled' } }) }).data).toEqual({ coschedule: 'disabled' });
    expect(runningData({ FEATUREGATES_CONFIG: JSON.stringify({ name: 'coschedule=disabled', flags: { coschedule: 'disabled' } }) }).data).toEqual({ coschedule: 'disabled' });
  });

  it('reads the JSON file a path names', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fg-testing-')), 'flags.json');
    writeFileSync(file, '{"enable-api-fields":"alpha"}');
    expect(runningData({ FEATUREGATES_CONFIG: file })).toEqual({ data: { 'enable-api-fields': 'alpha' }, origin: `FEATUREGATES_CONFIG file ${file}` });
  });

  it('says what is wrong with an unreadable file, bad JSON or a non-map', () => {
    expect(() => runningData({ FEATUREGATES_CONFIG: '/nonexistent/flags.json' })).toThrow('FEATUREGATES_CONFIG: cannot read "/nonexistent/flags.json"');
    expect(() => runningData({ FEATUREGATES_CONFIG: '{coschedule: disabled}' })).toThrow('FEATUREGATES_CONFIG is not JSON');
    const file = join(mkdtempSync(join(tmpdir(), 'fg-testing-')), 'list.json');
    writeFileSync(file, '["coschedule"]');
    expect(() => runningData({ FEATUREGATES_CONFIG: file })).toThrow('must be a JSON map of feature-flag keys to values');
  });

  it('is empty, so every default applies, when unset or blank', () => {
    expect(runningData({}).data).toEqual({});
    expect(runningData({ FEATUREGATES_CONFIG: '  ' }).data).toEqual({});
  });
});

describe('runningConfig', () => {
  it('parses strictly against the catalog', () => {
    expect(runningConfig(tektonCatalog, { FEATUREGATES_CONFIG: '{"enable-api-fields":"stable"}' }).level).toBe('stable');
    expect(() => runningConfig(tektonCatalog, { FEATUREGATES_CONFIG: '{"keep-pod-enabled-cancel":"true"}' })).toThrow('did you mean "keep-pod-on-cancel"?');
  });
});
