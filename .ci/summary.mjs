// Prints vitest's JSON reports (npm test and the end-to-end suite) as the plain closing line
// "N passed, N failed, N skipped". A suite whose report is missing counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const reports = ['vitest-report.json', 'vitest-e2e-report.json'];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of reports) {
  const file = new URL(`./.cache/${name}`, import.meta.url);
  if (!existsSync(file)) {
    console.log(`${name}: missing (the suite did not finish)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
