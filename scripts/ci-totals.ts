// Adds up the "Tests:" summary lines of every jest run in a log and prints one closing line
// ("tests: N passed, N failed, N skipped") that CI reads; exits non-zero if no test ran or any failed.
import { readFileSync } from 'node:fs';

const log = readFileSync(process.argv[2]!, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
const totals: Record<string, number> = { passed: 0, failed: 0, skipped: 0 };
let runs = 0;
for (const line of log.split('\n')) {
  if (!/^Tests:\s/.test(line)) continue;
  runs++;
  for (const key of Object.keys(totals)) totals[key] += Number(line.match(new RegExp(`(\\d+) ${key}`))?.[1] ?? 0);
}
console.log(`jest runs: ${runs}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (runs === 0 || totals.passed === 0 || totals.failed > 0) process.exit(1);
