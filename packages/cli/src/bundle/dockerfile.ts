/**
 * The image release.yaml runs: Node's official Alpine image of the active LTS line, pinned by tag
 * (README "Installing a bundle" says why), with the bundle's webhook.js and nothing else.
 */
export const NODE_IMAGE = 'node:26-alpine';

export function dockerfile(): string {
  return [
    "# The image release.yaml runs: node (the active LTS line) and this bundle's webhook.js, nothing else.",
    `FROM ${NODE_IMAGE}`,
    'COPY webhook.js /featuregates/webhook.js',
    'USER 65532:65532',
    'ENTRYPOINT ["node", "/featuregates/webhook.js"]',
    '',
  ].join('\n');
}
