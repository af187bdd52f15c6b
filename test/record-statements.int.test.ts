import { randomUUID } from 'node:crypto';
import {
  appendEvents,
  findExecution,
  insertExecution,
  listEvents,
  listNodeExecutions,
  openDatabase,
  recordExecutionTransition,
  recordNodeCompletions,
  type DatabaseHandle,
  type NodeCompletions,
} from '@trellis/db';

// recordNodeCompletions and recordExecutionTransition are the one-statement hot path of every run: against a
// real database (PGlite, or Postgres with DATABASE_URL) they must keep seqs gapless and stay idempotent.
describe('single-statement records', () => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 5 });
    await database.migrate();
  });
  afterAll(() => database.close());

  const newExecution = async (totalNodes: number, status: 'pending' | 'running' = 'running') => {
    const id = `completion-${randomUUID()}`;
    await insertExecution(database.db, {
      id,
      ownerId: 'completion',
      workflowId: 'w',
      workflowVersion: 1,
      workflowName: 'w',
      status,
      totalNodes,
    });
    return id;
  };
  /** One node's completion, as a chain of one. */
  const completion = (executionId: string, nodeId: string, withStart: boolean): NodeCompletions => ({
    executionId,
    totalNodes: 4,
    nodes: [
      {
        nodeId,
        nodeType: 'transform',
        attempt: 1,
        ...(withStart ? { input: { from: 'in' } } : {}),
        output: { value: nodeId, nested: [1, null, { ok: true }] },
        usage: null,
        startedAt: new Date(Date.now() - 5),
        finishedAt: new Date(),
      },
    ],
    events: [
      ...(withStart ? [{ key: `node:${nodeId}:started:1`, type: 'node.started', nodeId, status: 'running', message: 'started' }] : []),
      { key: `node:${nodeId}:completed`, type: 'node.completed', nodeId, status: 'completed', message: 'done', data: { duration_ms: 5 } },
    ],
  });
  const complete = (executionId: string, nodeId: string, withStart: boolean) =>
    recordNodeCompletions(database.db, completion(executionId, nodeId, withStart));

  it('writes the node row, progress and events in order and returns the events', async () => {
    const id = await newExecution(4);
    const written = await complete(id, 'a', true);
    expect(written.map((e) => [e.seq, e.type, e.nodeId])).toEqual([
      [1, 'node.started', 'a'],
      [2, 'node.completed', 'a'],
    ]);
    expect(written[1]!.data).toEqual({ duration_ms: 5 });
    expect(written[0]!.data).toBeNull();

    const [node] = await listNodeExecutions(database.db, id);
    expect(node).toMatchObject({
      nodeId: 'a',
      status: 'completed',
      attempt: 1,
      input: { from: 'in' },
      output: { value: 'a', nested: [1, null, { ok: true }] },
    });
    expect(node!.durationMs).toBeGreaterThanOrEqual(0);
    const row = await findExecution(database.db, id);
    expect(row).toMatchObject({ completedNodes: 1, totalNodes: 4, progress: 0.25, lastSeq: 2, currentNodes: [] });
    expect(await listEvents(database.db, { executionId: id })).toHaveLength(2);
  });

  it('writes nothing for a node already finished (a retried write)', async () => {
    const id = await newExecution(4);
    await complete(id, 'a', true);
    expect(await complete(id, 'a', true)).toEqual([]);
    expect(await findExecution(database.db, id)).toMatchObject({ completedNodes: 1, lastSeq: 2 });
  });

  it('skips events whose key exists and keeps seqs gapless', async () => {
    const id = await newExecution(4);
    // An earlier attempt's start was recorded by a transaction whose activity result was then lost.
    await database.db.transaction((tx) =>
      appendEvents(tx, id, [{ key: 'node:a:started:1', type: 'node.started', nodeId: 'a', message: 'started' }]),
    );
    const written = await complete(id, 'a', true);
    expect(written.map((e) => [e.seq, e.key])).toEqual([[2, 'node:a:completed']]);
    expect((await listEvents(database.db, { executionId: id })).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('gives concurrent completions of one execution consecutive seqs', async () => {
    const id = await newExecution(4);
    await Promise.all(['a', 'b', 'c', 'd'].map((node) => complete(id, node, true)));
    const events = await listEvents(database.db, { executionId: id });
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(events.map((e) => e.key)).size).toBe(8);
    expect(await findExecution(database.db, id)).toMatchObject({ completedNodes: 4, progress: 1, lastSeq: 8 });
  });

  it('records a chain of nodes in one statement, skipping the nodes already finished', async () => {
    const id = await newExecution(4);
    // A retried chain: its first node was recorded by an earlier attempt whose result was lost.
    await complete(id, 'a', true);
    const chain = ['a', 'b', 'c'].map((node) => completion(id, node, true));
    const written = await recordNodeCompletions(database.db, {
      executionId: id,
      totalNodes: 4,
      nodes: chain.flatMap((c) => c.nodes).map((node) => ({ ...node, attempt: 2 })),
      events: chain.flatMap((c) => c.events),
    });
    expect(written.map((e) => [e.seq, e.key])).toEqual([
      [3, 'node:b:started:1'],
      [4, 'node:b:completed'],
      [5, 'node:c:started:1'],
      [6, 'node:c:completed'],
    ]);
    const nodes = await listNodeExecutions(database.db, id);
    expect(nodes.map((n) => [n.nodeId, n.status, n.attempt])).toEqual([
      ['a', 'completed', 1],
      ['b', 'completed', 2],
      ['c', 'completed', 2],
    ]);
    expect(nodes[2]).toMatchObject({ input: { from: 'in' }, output: { value: 'c', nested: [1, null, { ok: true }] } });
    expect(await findExecution(database.db, id)).toMatchObject({ completedNodes: 3, progress: 0.75, lastSeq: 6, currentNodes: [] });
  });

  const transition = (executionId: string, to: 'running' | 'completed', key: string) =>
    recordExecutionTransition(database.db, {
      executionId,
      to,
      patch: to === 'completed' ? { outputData: { ok: 1 }, finishedAt: new Date(), currentNodes: [] } : { temporalRunId: 'run-1' },
      event: { key, type: `execution.${to}`, status: to, message: to, data: to === 'completed' ? { usage: { total_tokens: 0 } } : null },
    });

  it('moves the execution and appends its event after the node events', async () => {
    const id = await newExecution(4);
    await complete(id, 'a', true);
    const written = await transition(id, 'completed', 'execution.completed:1');
    expect(written.map((e) => [e.seq, e.type, e.status])).toEqual([[3, 'execution.completed', 'completed']]);
    expect(await findExecution(database.db, id)).toMatchObject({ status: 'completed', outputData: { ok: 1 }, lastSeq: 3 });
  });

  it('refuses a transition the table does not allow and never overwrites a terminal status', async () => {
    const id = await newExecution(4);
    await transition(id, 'completed', 'execution.completed:1');
    expect(await transition(id, 'running', 'execution.resumed:2')).toEqual([]);
    expect(await findExecution(database.db, id)).toMatchObject({ status: 'completed', lastSeq: 1 });
  });

  it('writes an event once when the same transition is retried', async () => {
    const id = await newExecution(4, 'pending');
    await transition(id, 'running', 'execution.started:1');
    expect(await transition(id, 'running', 'execution.started:1')).toEqual([]);
    expect((await listEvents(database.db, { executionId: id })).map((e) => e.seq)).toEqual([1]);
    expect(await findExecution(database.db, id)).toMatchObject({ status: 'running', temporalRunId: 'run-1', lastSeq: 1 });
    // A late retry of the start must not move a paused execution back to running.
    await recordExecutionTransition(database.db, {
      executionId: id,
      to: 'paused',
      patch: {},
      event: { key: 'execution.paused:2', type: 'execution.paused', status: 'paused', message: 'paused' },
    });
    expect(await transition(id, 'running', 'execution.started:1')).toEqual([]);
    expect(await findExecution(database.db, id)).toMatchObject({ status: 'paused', lastSeq: 2 });
  });

  describe("with the run's start and completion folded in", () => {
    const started = (key = 'execution.started:1') => ({
      to: 'running' as const,
      patch: { temporalRunId: 'run-1', startedAt: new Date(), message: 'execution started' },
      event: { key, type: 'execution.started', status: 'running', message: 'execution started' },
    });
    const finished = (key = 'execution.completed:1') => ({
      to: 'completed' as const,
      patch: {
        outputData: { answer: 42 },
        usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
        finishedAt: new Date(),
        currentNodes: [],
        message: 'execution completed',
      },
      event: {
        key,
        type: 'execution.completed',
        status: 'completed',
        message: 'execution completed',
        data: { usage: { total_tokens: 3 } },
      },
    });
    const smallRun = (
      id: string,
      nodeIds: string[],
      around: { before?: ReturnType<typeof started>; after?: ReturnType<typeof finished> },
      totalNodes = 2,
    ) => {
      const chain = nodeIds.map((node) => completion(id, node, true));
      return recordNodeCompletions(database.db, {
        executionId: id,
        totalNodes,
        nodes: chain.flatMap((c) => c.nodes),
        events: chain.flatMap((c) => c.events),
        ...around,
      });
    };

    it('writes start, nodes and completion in one statement, events in that order', async () => {
      const id = await newExecution(2, 'pending');
      const written = await smallRun(id, ['a', 'b'], { before: started(), after: finished() });
      expect(written.map((e) => [e.seq, e.type, e.nodeId])).toEqual([
        [1, 'execution.started', null],
        [2, 'node.started', 'a'],
        [3, 'node.completed', 'a'],
        [4, 'node.started', 'b'],
        [5, 'node.completed', 'b'],
        [6, 'execution.completed', null],
      ]);
      expect(written[5]!.data).toEqual({ usage: { total_tokens: 3 } });
      const row = await findExecution(database.db, id);
      expect(row).toMatchObject({
        status: 'completed',
        temporalRunId: 'run-1',
        outputData: { answer: 42 },
        usage: { total_tokens: 3 },
        message: 'execution completed',
        completedNodes: 2,
        progress: 1,
        currentNodes: [],
        lastSeq: 6,
      });
      expect(row!.startedAt).toBeInstanceOf(Date);
      expect(row!.finishedAt).toBeInstanceOf(Date);
      expect((await listNodeExecutions(database.db, id)).map((n) => n.status)).toEqual(['completed', 'completed']);
    });

    it('writes nothing twice when the same statement is retried', async () => {
      const id = await newExecution(2, 'pending');
      await smallRun(id, ['a', 'b'], { before: started(), after: finished() });
      expect(await smallRun(id, ['a', 'b'], { before: started(), after: finished() })).toEqual([]);
      expect(await findExecution(database.db, id)).toMatchObject({ status: 'completed', lastSeq: 6 });
    });

    it('starts the run with the first records and leaves the completion to a later statement', async () => {
      const id = await newExecution(2, 'pending');
      expect((await smallRun(id, ['a'], { before: started() })).map((e) => e.type)).toEqual([
        'execution.started',
        'node.started',
        'node.completed',
      ]);
      expect(await findExecution(database.db, id)).toMatchObject({
        status: 'running',
        message: 'execution started',
        completedNodes: 1,
        progress: 0.5,
        lastSeq: 3,
      });
      // A retry of the chain that wrote them: the start is not repeated; the last node and the completion land.
      const written = await smallRun(id, ['a', 'b'], { before: started(), after: finished() });
      expect(written.map((e) => [e.seq, e.type])).toEqual([
        [4, 'node.started'],
        [5, 'node.completed'],
        [6, 'execution.completed'],
      ]);
      expect(await findExecution(database.db, id)).toMatchObject({ status: 'completed', completedNodes: 2, lastSeq: 6 });
    });

    it('does not move a run that has ended meanwhile', async () => {
      // Cancelled while its first chain ran: the nodes are recorded, the status and its events are not.
      const id = await newExecution(2, 'pending');
      await recordExecutionTransition(database.db, {
        executionId: id,
        to: 'cancelled',
        patch: {},
        event: { key: 'execution.cancelled', type: 'execution.cancelled', status: 'cancelled', message: 'cancelled' },
      });
      const written = await smallRun(id, ['a'], { before: started(), after: finished() });
      expect(written.map((e) => e.type)).toEqual(['node.started', 'node.completed']);
      expect(await findExecution(database.db, id)).toMatchObject({
        status: 'cancelled',
        temporalRunId: null,
        outputData: null,
        lastSeq: 3,
      });
    });

    it('gives concurrent writers of one run consecutive seqs', async () => {
      const id = await newExecution(4, 'pending');
      await Promise.all([smallRun(id, ['a', 'b'], { before: started() }, 4), complete(id, 'c', true), complete(id, 'd', false)]);
      const events = await listEvents(database.db, { executionId: id });
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(await findExecution(database.db, id)).toMatchObject({ status: 'running', completedNodes: 4, lastSeq: 8 });
    });
  });
});
