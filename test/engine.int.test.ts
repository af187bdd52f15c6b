import { isTerminal } from '@trellis/definition';
import { findExecution, listEvents } from '@trellis/db';
import { statusQuery } from '@trellis/workflows';
import { control, llm, nodesById, runHandle, saveHistoryFixture, startRun, waitForStatus } from './engine-helpers';
import type { LlmWireServer } from './llm-wire-server';
import { startTestStack, waitFor, type TestStack } from './stack';

const input = { id: 'in', type: 'input', config: {} };
const output = { id: 'out', type: 'output', config: {} };

describe('graph engine on Temporal', () => {
  let stack: TestStack;
  let wire: LlmWireServer;
  beforeAll(async () => {
    stack = await startTestStack({ wireLlm: true });
    wire = stack.wire!;
  });
  afterAll(() => stack?.close());

  it('takes the true or the false branch and skips the other, with skipping propagated', async () => {
    const definition = {
      nodes: [
        input,
        { id: 'check', type: 'condition', config: { expression: 'input.score > 50' } },
        { id: 'high', type: 'transform', config: { expression: '"high: " & $string(input.score)' } },
        { id: 'high2', type: 'transform', config: { expression: 'nodes.high & "!"' } },
        { id: 'low', type: 'transform', config: { expression: '"low: " & $string(input.score)' } },
        { id: 'out', type: 'output', config: { expression: 'nodes.high2 ? nodes.high2 : nodes.low' } },
      ],
      edges: [
        { source: 'in', target: 'check' },
        { source: 'check', target: 'high', branch: 'true' },
        { source: 'high', target: 'high2' },
        { source: 'check', target: 'low', branch: 'false' },
        { source: 'high2', target: 'out' },
        { source: 'low', target: 'out' },
      ],
    };
    const highId = await startRun(stack, 'eng', definition, { score: 80 });
    const lowId = await startRun(stack, 'eng', definition, { score: 20 });
    const high = await waitForStatus(stack, highId, 'terminal');
    const low = await waitForStatus(stack, lowId, 'terminal');
    expect(high.status).toBe('completed');
    expect(high.outputData).toBe('high: 80!');
    expect(low.outputData).toBe('low: 20');
    const lowNodes = await nodesById(stack, lowId);
    expect(lowNodes.high!.status).toBe('skipped');
    expect(lowNodes.high2!.status).toBe('skipped');
    expect(lowNodes.low!.status).toBe('completed');
    expect(low.progress).toBe(1);
    const seqs = (await listEvents(stack.database.db, { executionId: lowId })).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    await saveHistoryFixture(stack, lowId, 'branching');
  });

  it('runs independent branches concurrently and joins them', async () => {
    const definition = {
      nodes: [
        input,
        llm('a', 'slow-2000'),
        llm('b', 'slow-2000'),
        { id: 'join', type: 'transform', config: { expression: '[nodes.a.text, nodes.b.text]' } },
        output,
      ],
      edges: [
        { source: 'in', target: 'a' },
        { source: 'in', target: 'b' },
        { source: 'a', target: 'join' },
        { source: 'b', target: 'join' },
        { source: 'join', target: 'out' },
      ],
    };
    const id = await startRun(stack, 'eng', definition, { topic: 'fan' });
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row.status).toBe('completed');
    expect(row.outputData).toEqual(['reply to: node a: fan', 'reply to: node b: fan']);
    expect(row.usage).toEqual({ prompt_tokens: 14, completion_tokens: 6, total_tokens: 20 });
    const nodes = await nodesById(stack, id);
    // Overlapping intervals: each started before the other finished.
    expect(nodes.a!.startedAt!.getTime()).toBeLessThan(nodes.b!.finishedAt!.getTime());
    expect(nodes.b!.startedAt!.getTime()).toBeLessThan(nodes.a!.finishedAt!.getTime());
    expect(nodes.join!.startedAt!.getTime()).toBeGreaterThanOrEqual(
      Math.max(nodes.a!.finishedAt!.getTime(), nodes.b!.finishedAt!.getTime()),
    );
    await saveHistoryFixture(stack, id, 'fan-out-fan-in');
  });

  it('runs a graph of cheap nodes as one local activity that also writes the start and the completion', async () => {
    const definition = {
      nodes: [input, { id: 'greet', type: 'transform', config: { expression: '"Hello, " & input.name' } }, output],
      edges: [
        { source: 'in', target: 'greet' },
        { source: 'greet', target: 'out' },
      ],
    };
    const id = await startRun(stack, 'eng', definition, { name: 'Ada' });
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row).toMatchObject({ status: 'completed', outputData: 'Hello, Ada', completedNodes: 3, progress: 1, currentNodes: [] });
    expect(row.temporalRunId).toBeTruthy();
    expect(row.startedAt!.getTime()).toBeLessThanOrEqual(row.finishedAt!.getTime());
    const events = await listEvents(stack.database.db, { executionId: id });
    expect(events.map((e) => `${e.seq} ${e.type}${e.nodeId ? ` ${e.nodeId}` : ''}`)).toEqual([
      '1 execution.started',
      '2 node.started in',
      '3 node.completed in',
      '4 node.started greet',
      '5 node.completed greet',
      '6 node.started out',
      '7 node.completed out',
      '8 execution.completed',
    ]);
    const handle = await runHandle(stack, id);
    expect(await handle.result()).toMatchObject({ status: 'completed', output: 'Hello, Ada' });
    const history = await handle.fetchHistory();
    const temporalEvents = history.events ?? [];
    // One workflow task holding one local activity: no activity task round trips at all.
    expect(temporalEvents.filter((e) => e.activityTaskScheduledEventAttributes)).toHaveLength(0);
    expect(temporalEvents.filter((e) => e.workflowTaskCompletedEventAttributes)).toHaveLength(1);
    expect(temporalEvents.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')).toHaveLength(1);
    await saveHistoryFixture(stack, id, 'cheap-run');
  });

  it("writes a long chain's nodes as they finish and refuses pause and stop with 409 once it ends the run", async () => {
    // Twenty transforms of some tens of ms each (well inside the 1 s expression budget): one chain that ends the run.
    const slow = Array.from({ length: 20 }, (_, i) => ({
      id: `s${i}`,
      type: 'transform',
      config: { expression: '$count([1..5000].($string($)))' },
    }));
    const nodes = [input, ...slow, output];
    const definition = { nodes, edges: nodes.slice(1).map((node, i) => ({ source: nodes[i]!.id, target: node.id })) };
    const id = await startRun(stack, 'eng', definition, {});
    // The chain writes the start before its first node, then its records every ~50 ms, not all at its end.
    const partly = await waitFor(
      () => findExecution(stack.database.db, id),
      (row) => !!row && (row.completedNodes > 0 || isTerminal(row.status)),
    );
    expect(partly).toMatchObject({ status: 'running' });
    expect(partly!.completedNodes).toBeLessThan(nodes.length);
    // Temporal holds an update until the running workflow task ends, which here ends the run; a chain running
    // longer than a task's heartbeat meets the workflow's own refusal instead. Either way: 409, and it completes.
    for (const action of ['pause', 'stop']) {
      const refused = await control(stack, 'eng', id, action).expect(409);
      expect(refused.body.error.message).toMatch(new RegExp(`^cannot ${action} an execution that is (finishing|completed)$`));
    }
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row).toMatchObject({ status: 'completed', outputData: 5000, completedNodes: nodes.length });
    const events = await listEvents(stack.database.db, { executionId: id });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.at(-1)!.type).toBe('execution.completed');
  });

  it('answers progress and current nodes by query while a node runs', async () => {
    const definition = {
      nodes: [input, llm('slow', 'slow-1500'), output],
      edges: [
        { source: 'in', target: 'slow' },
        { source: 'slow', target: 'out' },
      ],
    };
    const id = await startRun(stack, 'eng', definition, { topic: 'q' });
    const handle = await runHandle(stack, id);
    const view = await waitFor(
      () => handle.query(statusQuery),
      (v) => v.current_nodes.includes('slow'),
    );
    expect(view).toMatchObject({ status: 'running', current_nodes: ['slow'], completed: 1, total: 3 });
    expect(view.progress).toBeCloseTo(1 / 3);
    // The row follows once the node's activity has recorded its start (the query answers from workflow state).
    const row = await waitFor(
      () => findExecution(stack.deps.database.db, id),
      (r) => r?.currentNodes.includes('slow') === true,
    );
    expect(row).toMatchObject({ status: 'running', currentNodes: ['slow'] });
    await waitForStatus(stack, id, 'completed');
  });

  it('pauses (in-flight node finishes, nothing new starts) and resumes to completion', async () => {
    const definition = {
      nodes: [input, llm('first', 'slow-1000'), llm('second', 'slow-10'), output],
      edges: [
        { source: 'in', target: 'first' },
        { source: 'first', target: 'second' },
        { source: 'second', target: 'out' },
      ],
    };
    const id = await startRun(stack, 'eng', definition, { topic: 'p' });
    await waitFor(
      () => nodesById(stack, id),
      (n) => n.first?.status === 'running',
    );
    const paused = await control(stack, 'eng', id, 'pause').expect(200);
    expect(paused.body.status).toBe('paused');
    await control(stack, 'eng', id, 'pause').expect(409);
    await waitFor(
      () => nodesById(stack, id),
      (n) => n.first?.status === 'completed',
    );
    await new Promise((r) => setTimeout(r, 500));
    expect((await nodesById(stack, id)).second).toBeUndefined();
    expect((await waitForStatus(stack, id, 'paused')).status).toBe('paused');
    await control(stack, 'eng', id, 'resume').expect(200);
    const done = await waitForStatus(stack, id, 'terminal');
    expect(done.status).toBe('completed');
    const types = (await listEvents(stack.database.db, { executionId: id })).map((e) => e.type);
    expect(types.indexOf('execution.paused')).toBeLessThan(types.indexOf('execution.resumed'));
    await saveHistoryFixture(stack, id, 'pause-resume');
  });

  it('stops: the node in flight finishes, nothing new starts, the run ends stopped', async () => {
    const definition = {
      nodes: [input, llm('first', 'slow-800'), llm('second', 'slow-10'), output],
      edges: [
        { source: 'in', target: 'first' },
        { source: 'first', target: 'second' },
        { source: 'second', target: 'out' },
      ],
    };
    const id = await startRun(stack, 'eng', definition, { topic: 's' });
    await waitFor(
      () => nodesById(stack, id),
      (n) => n.first?.status === 'running',
    );
    await control(stack, 'eng', id, 'stop').expect(200);
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row.status).toBe('stopped');
    const nodes = await nodesById(stack, id);
    expect(nodes.first!.status).toBe('completed');
    expect(nodes.second).toBeUndefined();
    await control(stack, 'eng', id, 'resume').expect(409);
    await saveHistoryFixture(stack, id, 'stop');
  });

  it('cancels during a slow node and really aborts its HTTP request', async () => {
    const definition = {
      nodes: [input, llm('stuck', 'hang'), output],
      edges: [
        { source: 'in', target: 'stuck' },
        { source: 'stuck', target: 'out' },
      ],
    };
    const id = await startRun(stack, 'eng', definition, { topic: 'c' });
    await waitFor(
      async () => wire.requests.filter((r) => r.model === 'hang').length,
      (n) => n > 0,
    );
    const abortedBefore = wire.aborted.length;
    await control(stack, 'eng', id, 'cancel').expect(200);
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row.status).toBe('cancelled');
    await waitFor(
      async () => wire.aborted.length,
      (n) => n > abortedBefore,
      10_000,
    );
    expect(wire.aborted.at(-1)!.model).toBe('hang');
    await saveHistoryFixture(stack, id, 'cancel');
  });

  it('retries a node that fails once, then succeeds', async () => {
    const node = llm('flaky', 'flaky-retry-once', { retry: { max_attempts: 3, initial_interval_ms: 100 } });
    const definition = {
      nodes: [input, node, output],
      edges: [
        { source: 'in', target: 'flaky' },
        { source: 'flaky', target: 'out' },
      ],
    };
    const id = await startRun(stack, 'eng', definition, { topic: 'r' });
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row.status).toBe('completed');
    const nodes = await nodesById(stack, id);
    expect(nodes.flaky!.attempt).toBe(2);
    const events = await listEvents(stack.database.db, { executionId: id, levels: ['warning'] });
    expect(events.map((e) => e.type)).toEqual(['node.attempt_failed']);
    await saveHistoryFixture(stack, id, 'retry');
  });

  it('fails the run with the error recorded when a node exhausts its retries', async () => {
    const node = llm('broken', 'fail', { retry: { max_attempts: 2, initial_interval_ms: 100 } });
    const definition = {
      nodes: [input, node, output],
      edges: [
        { source: 'in', target: 'broken' },
        { source: 'broken', target: 'out' },
      ],
    };
    const id = await startRun(stack, 'eng', definition, { topic: 'f' });
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row.status).toBe('failed');
    expect(row.error).toMatchObject({ code: 'LLM_UNAVAILABLE', node_id: 'broken' });
    const nodes = await nodesById(stack, id);
    expect(nodes.broken!.status).toBe('failed');
    expect(wire.requests.filter((r) => r.model === 'fail')).toHaveLength(2);
    await saveHistoryFixture(stack, id, 'exhausted-retries');
  });

  it('fails a node that exceeds its timeout', async () => {
    const node = llm('late', 'slow-3000', { timeout_ms: 500, retry: { max_attempts: 1 } });
    const definition = {
      nodes: [input, node, output],
      edges: [
        { source: 'in', target: 'late' },
        { source: 'late', target: 'out' },
      ],
    };
    const id = await startRun(stack, 'eng', definition, { topic: 't' });
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row.status).toBe('failed');
    expect(row.error).toMatchObject({ code: 'NODE_TIMEOUT', node_id: 'late' });
  });

  it('fails a transform whose expression errors at run time without retrying it', async () => {
    // in → ok → bad → out is one chain of cheap nodes: what ran before bad is kept, bad runs again alone and fails.
    const definition = {
      nodes: [
        input,
        { id: 'ok', type: 'transform', config: { expression: '"fine"' } },
        { id: 'bad', type: 'transform', config: { expression: '$undefinedFunction(1)' } },
        output,
      ],
      edges: [
        { source: 'in', target: 'ok' },
        { source: 'ok', target: 'bad' },
        { source: 'bad', target: 'out' },
      ],
    };
    const id = await startRun(stack, 'eng', definition, {});
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row.status).toBe('failed');
    expect(row.error).toMatchObject({ code: 'EXPRESSION_ERROR', node_id: 'bad' });
    const nodes = await nodesById(stack, id);
    expect(nodes.ok).toMatchObject({ status: 'completed', output: 'fine' });
    expect(nodes.bad).toMatchObject({ status: 'failed', attempt: 1 });
    expect(nodes.out).toBeUndefined(); // nothing starts after a failure
    const events = await listEvents(stack.database.db, { executionId: id });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.nodeId === 'bad').map((e) => e.type)).toEqual(['node.started', 'node.attempt_failed', 'node.failed']);
    await saveHistoryFixture(stack, id, 'chain-node-fails');
  });

  it('ends a run that exceeds its timeout as timed_out, cancelling the node in flight', async () => {
    const definition = {
      nodes: [input, llm('long', 'slow-5000'), output],
      edges: [
        { source: 'in', target: 'long' },
        { source: 'long', target: 'out' },
      ],
    };
    const id = await startRun(stack, 'eng', definition, { topic: 'rt' }, { timeout_ms: 800 });
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row.status).toBe('timed_out');
    expect(row.error).toMatchObject({ code: 'RUN_TIMEOUT' });
  });
});
