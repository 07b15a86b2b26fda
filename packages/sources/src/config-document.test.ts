import { configDataOf, parseConfigText } from './config-document';

describe('config documents', () => {
  it('takes a ConfigMap manifest\'s data', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: feature-flags}\ndata:\n  enable-api-fields: "alpha"\n';
    expect(parseConfigText(text, 'f.yaml')).toEqual({ ok: true, data: { 'enable-api-fields': 'alpha' } });
  });

  it('takes a plain map, and an empty document as an empty map', () => {
    expect(parseConfigText('enable-api-fields: stable\n', 'f.yaml')).toEqual({ ok: true, data: { 'enable-api-fields': 'stable' } });
    expect(parseConfigText('', 'f.yaml')).toEqual({ ok: true, data: {} });
    expect(parseConfigText('kind: ConfigMap\n', 'f.yaml')).toEqual({ ok: true, data: {} });
  });

  it('says which shape it expected', () => {
    expect(parseConfigText('- a\n- b\n', 'f.yaml')).toEqual({ ok: false, message: 'f.yaml: expected a ConfigMap manifest or a map of feature-flag keys to values' });
    expect(configDataOf({ kind: 'ConfigMap', data: ['x'] }, 'cm')).toEqual({ ok: false, message: "cm: the ConfigMap's data must be a map" });
    const broken = parseConfigText('a: [unclosed', 'f.yaml');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/^f\.yaml: not valid YAML: /);
  });
});
