/// <reference types="jest" />
import type { NodeRecord } from '../../api/types';
import { changedOutputs, nodesToRun, reusedOutputs } from './rerun-plan';

const edges = [
  { source: 'in', target: 'a' },
  { source: 'a', target: 'b' },
  { source: 'in', target: 'side' },
  { source: 'b', target: 'out' },
  { source: 'side', target: 'out' },
];
const record = (node_id: string, status: string, output: unknown = null) => ({ node_id, status, output }) as NodeRecord;
const records = new Map(
  [
    record('in', 'completed', { n: 1 }),
    record('a', 'completed', 2),
    record('side', 'completed', 'x'),
    record('b', 'failed'),
    record('out', 'skipped'),
  ].map((r) => [r.node_id, r]),
);

describe('re-run plan', () => {
  it('runs the start node and everything downstream of it', () => {
    expect([...nodesToRun('a', edges, records)].sort()).toEqual(['a', 'b', 'out']);
    expect([...nodesToRun('failed', edges, records)].sort()).toEqual(['b', 'out']);
    expect(nodesToRun(undefined, edges, records).size).toBe(0);
  });

  it('reuses the recorded outputs of completed nodes outside what runs again', () => {
    expect(reusedOutputs('failed', edges, records)).toEqual({ in: { n: 1 }, a: 2, side: 'x' });
    expect(reusedOutputs('a', edges, records)).toEqual({ in: { n: 1 }, side: 'x' });
    expect(reusedOutputs(undefined, edges, records)).toEqual({});
  });

  it('sends only the outputs that were edited', () => {
    const recorded = { in: { n: 1 }, a: 2 };
    expect(changedOutputs({ in: { n: 1 }, a: 2 }, recorded)).toBeUndefined();
    expect(changedOutputs({ in: { n: 1 }, a: 3, typo: 1 }, recorded)).toEqual({ a: 3, typo: 1 });
  });
});
