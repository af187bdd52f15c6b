import { planRerun, type RecordedNode } from './rerun-plan';

const definition = {
  nodes: [
    { id: 'in', type: 'input' as const, config: {} },
    { id: 'check', type: 'condition' as const, config: { expression: 'input.ok' } },
    { id: 'yes', type: 'transform' as const, config: { expression: '1' } },
    { id: 'no', type: 'transform' as const, config: { expression: '2' } },
    { id: 'side', type: 'llm' as const, config: { prompt: 'hi' } },
    { id: 'out', type: 'output' as const, config: {} },
  ],
  edges: [
    { source: 'in', target: 'check' },
    { source: 'check', target: 'yes', branch: 'true' as const },
    { source: 'check', target: 'no', branch: 'false' as const },
    { source: 'in', target: 'side' },
    { source: 'yes', target: 'out' },
    { source: 'no', target: 'out' },
    { source: 'side', target: 'out' },
  ],
};

const recorded: RecordedNode[] = [
  { nodeId: 'in', status: 'completed', output: { ok: true } },
  { nodeId: 'check', status: 'completed', output: { result: true } },
  { nodeId: 'yes', status: 'completed', output: 1 },
  { nodeId: 'no', status: 'skipped', output: null },
  { nodeId: 'side', status: 'completed', output: { text: 'hello' } },
  { nodeId: 'out', status: 'failed', output: null },
];

describe('planRerun', () => {
  it('reuses every node not downstream of the node it re-runs from, skips included, and runs the rest', () => {
    const plan = planRerun(definition, recorded, { fromNode: 'yes' });
    expect(plan).toEqual({
      ok: true,
      fromNodes: ['yes'],
      reuse: {
        in: { status: 'completed', output: { ok: true } },
        check: { status: 'completed', output: { result: true } },
        no: { status: 'skipped' },
        side: { status: 'completed', output: { text: 'hello' } },
      },
    });
  });

  it('re-runs from the failed nodes when asked for "failed", and reuses nothing for a whole re-run', () => {
    const plan = planRerun(definition, recorded, { fromNode: 'failed' });
    expect(plan.ok && Object.keys(plan.reuse!).sort()).toEqual(['check', 'in', 'no', 'side', 'yes']);
    expect(planRerun(definition, recorded, {})).toEqual({ ok: true, fromNodes: [] });
  });

  it('replaces recorded outputs of reused nodes with the edited ones', () => {
    const plan = planRerun(definition, recorded, { fromNode: 'out', nodeOutputs: { side: { text: 'edited' } } });
    expect(plan.ok && plan.reuse!.side).toEqual({ status: 'completed', output: { text: 'edited' } });
  });

  it('names what is wrong: a node the version lacks, an edit of a node that runs again, no failed node', () => {
    expect(planRerun(definition, recorded, { fromNode: 'gone' })).toEqual({
      ok: false,
      problems: [{ path: 'from_node', message: 'the workflow version run has no node "gone"' }],
    });
    const edits = planRerun(definition, recorded, { fromNode: 'check', nodeOutputs: { yes: 5, ghost: 1 } });
    expect(edits.ok ? [] : edits.problems.map((p) => p.path)).toEqual(['node_outputs.yes', 'node_outputs.ghost']);
    const healthy = recorded.map((n) => ({ ...n, status: n.status === 'failed' ? 'completed' : n.status }));
    expect(planRerun(definition, healthy, { fromNode: 'failed' })).toMatchObject({
      ok: false,
      problems: [{ message: 'the execution has no failed node' }],
    });
    expect(planRerun(definition, recorded, { nodeOutputs: { side: 1 } })).toMatchObject({ ok: false });
  });
});
