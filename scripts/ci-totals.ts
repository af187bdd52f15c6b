// Adds up the "Tests:" summary lines of every jest run in a log and prints one closing line
// ("tests: N passed, N failed, N skipped") that CI reads; exits non-zero if no test ran or any failed.
import { readFileSync } from 'node:fs';

const log = readFileSync(process.argv[2]!, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
const count = (line: string, key: string) => Number(line.match(new RegExp(`(\\d+) ${key}`))?.[1] ?? 0);
const summaries = log.split('\n').filter((line) => /^Tests:\s/.test(line));
const passed = summaries.reduce((sum, line) => sum + count(line, 'passed'), 0);
const failed = summaries.reduce((sum, line) => sum + count(line, 'failed'), 0);
const skipped = summaries.reduce((sum, line) => sum + count(line, 'skipped'), 0);
console.log(`jest runs: ${summaries.length}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (summaries.length === 0 || passed === 0 || failed > 0) process.exit(1);
