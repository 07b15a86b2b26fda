// `node attw-tarballs.mjs A.tgz B.tgz …`: @arethetypeswrong/core on each tarball in one process (the
// CLI would load TypeScript once per package). Prints one JSON line: each package's problems.
import { readFileSync } from 'node:fs';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';

const reports = [];
for (const file of process.argv.slice(2)) {
  const result = await checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(file))));
  const problems = result.types ? result.problems : [{ kind: 'NoTypes' }];
  const entrypoints = result.types ? Object.keys(result.entrypoints) : [];
  reports.push({ name: result.packageName, entrypoints, problems });
}
console.log(JSON.stringify(reports));
