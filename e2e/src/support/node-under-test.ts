/**
 * The node that runs the bundles: FEATUREGATES_NODE when set (tools/scripts/node-lts-bundles.mjs
 * sets it to Node 24 and Node 26 from npm), else the node running the tests.
 */
export const bundleNode = process.env.FEATUREGATES_NODE ?? process.execPath;
