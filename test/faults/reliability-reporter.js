/** Jest reporter of the faults suite: after the run, renders each test's measured outcome into docs/reliability.md. */
const { require: tsxRequire } = require('tsx/cjs/api');

class ReliabilityReporter {
  onRunComplete(_contexts, results) {
    const resultsDir = process.env.TRELLIS_FAULTS_RESULTS_DIR;
    if (!resultsDir) return;
    // The renderer is TypeScript; jest does not transform reporters, so tsx loads it.
    const { saveRunResults, writeReliabilityReport } = tsxRequire('../../scripts/write-reliability-report.ts', __filename);
    saveRunResults(resultsDir, results);
    const { path, complete } = writeReliabilityReport(resultsDir);
    console.log(
      complete ? `\nReliability report: ${path}` : `\nPartial run: report written to ${path} (docs/reliability.md is left as it was)`,
    );
  }
}

module.exports = ReliabilityReporter;
