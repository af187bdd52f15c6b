import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One row of docs/reliability.md: what the test expects and what it measured. */
export interface Measurement {
  /** The id in the test's title, e.g. F1 or M07. */
  id: string;
  testName: string;
  expected: string;
  measured: string;
}

/**
 * Records the current test's measured outcome for the report. Call it before the final assertions, so a
 * failing test still shows what it saw.
 */
export function recordOutcome(expected: string, measured: string): void {
  const dir = process.env.TRELLIS_FAULTS_RESULTS_DIR;
  const testName = expect.getState().currentTestName ?? 'unknown';
  const id = /\[(\w+)\]/.exec(testName)?.[1] ?? testName;
  if (!dir) return;
  mkdirSync(join(dir, 'measurements'), { recursive: true });
  const row: Measurement = { id, testName, expected, measured };
  writeFileSync(join(dir, 'measurements', `${id.replace(/[^\w-]/g, '_')}.json`), JSON.stringify(row, null, 2));
}

/** Milliseconds as `1.23 s` or `850 ms`. */
export function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}
