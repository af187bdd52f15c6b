import { GraphState } from './graph-state';

const node = (id: string, type = 'transform') => ({ id, type: type as 'transform', config: {} });

describe('GraphState', () => {
  const diamond = {
    nodes: [node('in', 'input'), node('check', 'condition'), node('yes'), node('no'), node('no2'), node('out', 'output')],
    edges: [
      { source: 'in', target: 'check' },
      { source: 'check', target: 'yes', branch: 'true' as const },
      { source: 'check', target: 'no', branch: 'false' as const },
      { source: 'no', target: 'no2' },
      { source: 'yes', target: 'out' },
      { source: 'no2', target: 'out' },
    ],
  };

  it('starts with the nodes that have no incoming edges', () => {
    const state = new GraphState(diamond);
    expect(state.advance()).toEqual({ ready: ['in'], skipped: [] });
    expect(state.advance()).toEqual({ ready: [], skipped: [] });
  });

  it('skips the branch not taken, propagates the skip, and runs the join once its live input is done', () => {
    const state = new GraphState(diamond);
    state.advance();
    state.markCompleted('in');
    expect(state.advance().ready).toEqual(['check']);
    state.markCompleted('check', 'true');
    expect(state.advance()).toEqual({ ready: ['yes'], skipped: ['no', 'no2'] });
    state.markCompleted('yes');
    expect(state.advance().ready).toEqual(['out']);
    expect(state.takenPredecessors('out')).toEqual(['yes']);
    state.markCompleted('out');
    expect(state.settledCount).toBe(6);
  });

  it('waits for every live input of a join before it runs', () => {
    const state = new GraphState({
      nodes: [node('in', 'input'), node('a'), node('b'), node('join')],
      edges: [
        { source: 'in', target: 'a' },
        { source: 'in', target: 'b' },
        { source: 'a', target: 'join' },
        { source: 'b', target: 'join' },
      ],
    });
    state.advance();
    state.markCompleted('in');
    expect(state.advance().ready).toEqual(['a', 'b']);
    state.markCompleted('a');
    expect(state.advance().ready).toEqual([]);
    state.markCompleted('b');
    expect(state.advance().ready).toEqual(['join']);
    expect([...state.ancestors('join')].sort()).toEqual(['a', 'b', 'in']);
  });

  it('does not run successors of a failed node', () => {
    const state = new GraphState({ nodes: [node('in', 'input'), node('a')], edges: [{ source: 'in', target: 'a' }] });
    state.advance();
    state.markFailed('in');
    expect(state.advance()).toEqual({ ready: [], skipped: ['a'] });
  });

  it('chains nodes joined by single unconditional edges, stopping at branches, joins and nodes that do not fit', () => {
    const state = new GraphState(diamond);
    const any = () => true;
    expect(state.chainFrom('in', any, 10)).toEqual(['in', 'check']);
    expect(state.chainFrom('check', any, 10)).toEqual(['check']); // its edges are conditional
    expect(state.chainFrom('no', any, 10)).toEqual(['no', 'no2']); // out joins two edges
    expect(state.chainFrom('in', (n) => n.type !== 'condition', 10)).toEqual(['in']);
    expect(state.chainFrom('no', any, 1)).toEqual(['no']);
  });
});
