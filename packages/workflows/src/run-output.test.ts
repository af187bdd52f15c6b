import { ZERO_USAGE } from '@trellis/definition/pure';
import { completedOutputNodeIds, runOutput, runTotals } from './run-output';

const usage = (prompt: number, completion: number) => ({
  prompt_tokens: prompt,
  completion_tokens: completion,
  total_tokens: prompt + completion,
});

describe('runOutput', () => {
  it('is the value of the only completed output node', () => {
    expect(runOutput(['out'], { out: { a: 1 }, other: 2 })).toEqual({ a: 1 });
  });

  it('keys the values by node id when several output nodes completed', () => {
    expect(runOutput(['a', 'b'], { a: 1, b: 2, c: 3 })).toEqual({ a: 1, b: 2 });
  });

  it('is an empty object when no output node completed', () => {
    expect(runOutput([], { a: 1 })).toEqual({});
  });
});

describe('completedOutputNodeIds', () => {
  const nodes = [
    { id: 'in', type: 'input' as const },
    { id: 'b', type: 'output' as const },
    { id: 'a', type: 'output' as const },
  ];

  it('keeps the output nodes that completed, in definition order', () => {
    expect(completedOutputNodeIds(nodes, () => true)).toEqual(['b', 'a']);
  });

  it('leaves out output nodes that did not complete', () => {
    expect(completedOutputNodeIds(nodes, (id) => id === 'a')).toEqual(['a']);
  });
});

describe('runTotals', () => {
  it('returns the output and the usage counted so far', () => {
    expect(runTotals({ outputNodeIds: ['out'], outputs: { out: 'x' }, usage: usage(3, 4) })).toEqual({ output: 'x', usage: usage(3, 4) });
  });

  it('adds the usage of nodes not counted yet, skipping nodes without usage', () => {
    const totals = runTotals({
      outputNodeIds: [],
      outputs: {},
      usage: usage(1, 1),
      uncounted: [{ usage: usage(2, 3) }, {}, { usage: usage(0, 5) }],
    });
    expect(totals.usage).toEqual(usage(3, 9));
  });

  it('starts from zero usage when nothing ran', () => {
    expect(runTotals({ outputNodeIds: ['out'], outputs: {}, usage: ZERO_USAGE }).usage).toEqual(ZERO_USAGE);
  });
});
