// `npm run lint`: keeps workflow code deterministic. Workflow files may import only the Temporal
// workflow SDK, @trellis/definition/pure and each other (type-only imports are free), and must not read
// the clock, randomness or timers directly.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const WORKFLOW_DIR = join(__dirname, '..', 'packages', 'workflows', 'src');
const ALLOWED_IMPORTS = [/^@temporalio\/workflow$/, /^@temporalio\/common$/, /^@trellis\/definition\/pure$/, /^\.\.?\//];
const FORBIDDEN_CALLS: Array<[RegExp, string]> = [
  [/\bDate\.now\(/, 'Date.now() (use workflow time: new Date() inside workflows is replay-safe)'],
  [/\bMath\.random\(/, 'Math.random() (use uuid4() from @temporalio/workflow)'],
  [/\bset(Timeout|Interval|Immediate)\(/, 'timers (use sleep() or condition())'],
  [/\bprocess\./, 'process'],
  [/\brequire\(/, 'require()'],
];

export function lintWorkflowSource(source: string): string[] {
  const problems: string[] = [];
  const importPattern = /^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*export\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(importPattern)) {
    const typeOnly = Boolean(match[1] ?? match[3]);
    const specifier = match[2] ?? match[4]!;
    if (!typeOnly && !ALLOWED_IMPORTS.some((allowed) => allowed.test(specifier))) {
      problems.push(
        `imports '${specifier}' (workflow code may import only @temporalio/workflow, @trellis/definition/pure and relative files)`,
      );
    }
  }
  const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [pattern, what] of FORBIDDEN_CALLS) if (pattern.test(code)) problems.push(`uses ${what}`);
  return problems;
}

function main(): void {
  let failed = false;
  for (const file of readdirSync(WORKFLOW_DIR)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    for (const problem of lintWorkflowSource(readFileSync(join(WORKFLOW_DIR, file), 'utf8'))) {
      console.error(`${relative(process.cwd(), join(WORKFLOW_DIR, file))}: ${problem}`);
      failed = true;
    }
  }
  if (failed) process.exit(1);
  console.log('workflow code: deterministic imports and calls only');
}

if (require.main === module) main();
