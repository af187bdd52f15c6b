import { GraphState } from './graph-state';
import { chainSummary, nodeSummary, runDetails } from './temporal-ui-summaries';

const definition = {
  nodes: [
    { id: 'in', type: 'input' as const, config: {} },
    { id: 'ask', type: 'llm' as const, config: { prompt: 'hi' } },
    { id: 'out', type: 'output' as const, config: {} },
  ],
  edges: [
    { source: 'in', target: 'ask' },
    { source: 'ask', target: 'out' },
  ],
};

describe('Temporal Web UI summaries', () => {
  it('names a node activity by its type and id', () => {
    expect(nodeSummary(definition.nodes[1]!)).toBe('llm ask');
  });

  it('names a chain by its nodes in order', () => {
    expect(chainSummary([definition.nodes[0]!, definition.nodes[2]!])).toBe('chain in → out');
  });

  it('clips a summary of a very long chain to one short line', () => {
    const nodes = Array.from({ length: 64 }, (_, i) => ({ id: `transform_node_${i}`, type: 'transform' as const, config: {} }));
    const summary = chainSummary(nodes);
    expect(summary.length).toBe(200);
    expect(summary.endsWith('…')).toBe(true);
  });

  it('details the run status, the nodes in flight and the progress', () => {
    const state = new GraphState(definition);
    state.markCompleted('in');
    state.markRunning('ask');
    expect(runDetails(state, 'paused')).toBe('**paused** · running: `llm ask` · 1/3 nodes settled');
  });
});
