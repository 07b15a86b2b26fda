// Shared jest settings: @swc/jest compiles TypeScript (and the ESM-only
// @kubernetes/client-node with its ESM dependencies) to CommonJS, and
// workspace packages resolve to their sources so tests never need a build.
const path = require('node:path');

const esmDependencies = ['@kubernetes', 'openid-client', 'oauth4webapi', 'jose', 'hpagent'];

module.exports = function preset(projectDir) {
  return {
    rootDir: projectDir,
    testEnvironment: 'node',
    reporters: ['default', path.join(__dirname, 'tools/jest-summary-reporter.js')],
    testMatch: ['<rootDir>/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    transform: {
      '^.+\\.(t|j|mj)sx?$': [
        '@swc/jest',
        { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
      ],
    },
    transformIgnorePatterns: [`/node_modules/(?!(${esmDependencies.join('|')})/)`],
    moduleNameMapper: {
      // ESM-style relative imports ('./x.js') name TypeScript sources.
      '^(\\.{1,2}/.*)\\.js$': '$1',
      '^@featuregates/([a-z-]+)$': path.join(__dirname, 'packages/$1/src/index.ts'),
      // Subpath exports (`@featuregates/tekton/testing`) name a folder's index or a module.
      '^@featuregates/([a-z-]+)/([a-z-]+)$': path.join(__dirname, 'packages/$1/src/$2'),
    },
  };
};
