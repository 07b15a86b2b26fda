// Writes each project's test counts to tmp/test-results/<project>.json so that `npm test` can
// close with one "N passed, N failed" line over every project, cached runs included.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const workspaceRoot = path.join(__dirname, '..');
    let project = path.basename(this.rootDir);
    try {
      project = JSON.parse(fs.readFileSync(path.join(this.rootDir, 'project.json'), 'utf8')).name;
    } catch {
      // no project.json: the directory name is the project name
    }
    const dir = path.join(workspaceRoot, 'tmp', 'test-results');
    fs.mkdirSync(dir, { recursive: true });
    const summary = {
      project,
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites + results.numRuntimeErrorTestSuites,
    };
    fs.writeFileSync(path.join(dir, `${project}.json`), `${JSON.stringify(summary)}\n`);
  }
}

module.exports = SummaryReporter;
