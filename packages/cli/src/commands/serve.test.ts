import { generateDevCertificate } from '@featuregates/webhook';
import { cli } from '../test-support/cli';

describe('featuregates serve', () => {
  it.each([
    [['serve', '--dev-cert', 'certs'], 'name a config source: --config FILE or --kubernetes'],
    [['serve', '--config', 'f.yaml', '--kubernetes', '--dev-cert', 'certs'], 'choose one config source'],
    [['serve', '--config', 'f.yaml', '--namespace', 'x', '--dev-cert', 'certs'], '--namespace goes with --kubernetes'],
    [['serve', '--config', 'f.yaml'], 'TLS needs --tls-cert FILE and --tls-key FILE together, or --dev-cert DIR'],
    [['serve', '--config', 'f.yaml', '--tls-cert', 'c.pem'], 'TLS needs --tls-cert FILE and --tls-key FILE together'],
    [['serve', '--config', 'f.yaml', '--tls-cert', 'c.pem', '--tls-key', 'k.pem', '--dev-cert', 'certs'], 'choose one: --tls-cert FILE --tls-key FILE, or --dev-cert DIR'],
    [['serve', '--config', 'f.yaml', '--dev-cert', 'certs', '--port', '70000'], 'a port is an integer from 0 to 65535'],
    [['serve', '--config', 'f.yaml', '--dev-cert', 'certs', '--port', 'http'], 'a port is an integer from 0 to 65535'],
    [['serve', '--kubernetes', '--cert-validity', '7 days'], '--cert-validity: "7 days" is not a duration'],
    [['serve', '--kubernetes', '--cert-validity', '2d', '--cert-renew-before', '36h'], 'must live at least twice that'],
    [['serve', '--kubernetes', '--ca-validity', '7d'], 'the CA must outlive the certificates it signs: it lives 7d, they live 7d'],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });

  it('exits 1 when the certificate files cannot be used', async () => {
    const result = await cli(['serve', '--config', 'f.yaml', '--tls-cert', 'c.pem', '--tls-key', 'k.pem', '--port', '0'], { 'f.yaml': 'enable-api-fields: beta\n', 'c.pem': 'not a certificate', 'k.pem': 'nor a key' });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^featuregates: \S*c\.pem and \S*k\.pem are not a matching PEM certificate and key/);
  });

  it('exits 1 with the file named when the certificate or the key is empty, rather than serving failed handshakes', async () => {
    const { cert, key } = await generateDevCertificate();
    for (const [files, message] of [
      [{ 'c.pem': cert, 'k.pem': '' }, /^featuregates: \S*k\.pem is empty: it must hold a PEM private key/],
      [{ 'c.pem': '', 'k.pem': key }, /^featuregates: \S*c\.pem is empty: it must hold a PEM certificate/],
    ] as const) {
      const result = await cli(['serve', '--config', 'f.yaml', '--tls-cert', 'c.pem', '--tls-key', 'k.pem', '--port', '0'], { 'f.yaml': 'enable-api-fields: beta\n', ...files });
      expect(result.code).toBe(1);
      expect(result.err).toMatch(message);
    }
  });

  it('has --help', async () => {
    const result = await cli(['serve', '--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('--dev-cert <dir>');
  });
});
