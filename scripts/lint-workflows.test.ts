import { lintWorkflowSource } from './lint-workflows';

describe('lintWorkflowSource', () => {
  it('accepts the workflow SDK, pure core and type-only imports', () => {
    const source = [
      "import { condition } from '@temporalio/workflow';",
      "import { buildGraph } from '@trellis/definition/pure';",
      "import type { Logger } from 'pino';",
      "import { GraphState } from './graph-state';",
    ].join('\n');
    expect(lintWorkflowSource(source)).toEqual([]);
  });

  it('rejects node built-ins, I/O libraries, clocks and randomness', () => {
    const source = [
      "import { readFileSync } from 'node:fs';",
      "import { Pool } from 'pg';",
      'const t = Date.now();',
      'Math.random();',
    ].join('\n');
    expect(lintWorkflowSource(source)).toHaveLength(4);
  });
});
