import { findExecution, listEvents } from '@trellis/db';
import { startReconciler } from '../../apps/worker/src/reconciler';
import { control, llm, runHandle, startRun } from '../engine-helpers';
import { startTestStack, type TestStack } from '../stack';
import { poll } from './http';
import { recordOutcome } from './record';
import { describeRun, expectRunIntact, summarizeRun, type RunSummary } from './run-checks';
import { sleep, waitForTerminal } from './run-helpers';

const RUNS = 30;
/**
 * Stops land 0, 30, … 870 ms after the 300 ms LLM node started: across its completion, the output node (a local
 * activity, done within milliseconds) and the recording of the end, so both outcomes occur.
 */
const stopDelay = (i: number) => i * 30;

const definition = {
  nodes: [{ id: 'in', type: 'input', config: {} }, llm('a', 'slow-300'), { id: 'out', type: 'output', config: {} }],
  edges: [
    { source: 'in', target: 'a' },
    { source: 'a', target: 'out' },
  ],
};

describe('stop racing completion', () => {
  let stack: TestStack;
  let reconciler: ReturnType<typeof startReconciler>;
  beforeAll(async () => {
    stack = await startTestStack({ wireLlm: true });
    reconciler = startReconciler({
      db: stack.database.db,
      temporal: stack.deps.temporal,
      log: stack.deps.log,
      intervalMs: 500,
      lostStartAfterMs: 60_000,
      leaseName: `stop-race-${Date.now()}`,
    });
  });
  afterAll(async () => {
    await reconciler?.stop();
    await stack?.close();
  });

  it('[F6] a stop racing completion ends as stopped or completed, and that status is never overwritten', async () => {
    const user = `race-${Date.now()}`;
    const db = stack.database.db;
    const raced = await Promise.all(
      Array.from({ length: RUNS }, async (_, i) => {
        const id = await startRun(stack, user, definition, { topic: `race ${i}` });
        await poll(
          () => listEvents(db, { executionId: id }),
          (events) => events.some((e) => e.type === 'node.started' && e.nodeId === 'a'),
          30_000,
          10,
        );
        await sleep(stopDelay(i));
        const stop = await control(stack, user, id, 'stop');
        await waitForTerminal(db, id, 30_000);
        return { id, stop: stop.status };
      }),
    );
    const first = await Promise.all(raced.map(({ id }) => findExecution(db, id)));
    // Afterwards: more control requests, a reconciler pass and time must change nothing.
    const later = await Promise.all(raced.flatMap(({ id }) => [control(stack, user, id, 'stop'), control(stack, user, id, 'cancel')]));
    await reconciler.runOnce();
    await sleep(1_500);
    const second = await Promise.all(raced.map(({ id }) => findExecution(db, id)));
    const runs: RunSummary[] = await Promise.all(raced.map(({ id }) => summarizeRun(db, stack.deps.temporal, id)));
    const results = await Promise.all(raced.map(async ({ id }) => (await runHandle(stack, id)).result() as Promise<{ status: string }>));

    const tally = (status: string) => runs.filter((r) => r.status === status).length;
    const accepted = raced.filter((r) => r.stop === 200).length;
    const unchanged = first.every((row, i) => JSON.stringify(row) === JSON.stringify(second[i]));
    recordOutcome(
      'stopped or completed, matching Temporal; never overwritten',
      `${RUNS} runs, stop sent 0–${stopDelay(RUNS - 1)} ms after the 300 ms LLM node started: ${accepted}× stop accepted (200), ${RUNS - accepted}× refused (409); ` +
        `final ${tally('stopped')}× stopped, ${tally('completed')}× completed, ${RUNS - tally('stopped') - tally('completed')}× other; row = Temporal result in ${runs.filter((r, i) => r.status === results[i]!.status).length}/${RUNS}; ` +
        `${later.filter((r) => r.status === 409).length}/${later.length} later stop/cancel requests refused with 409; rows unchanged after them, a reconciler pass and 1.5 s: ${unchanged}; e.g. ${describeRun(runs[0]!)}`,
    );
    for (const [i, run] of runs.entries()) {
      expect(['stopped', 'completed']).toContain(run.status);
      expect(results[i]!.status).toBe(run.status);
      // An accepted stop always wins; a refused one means the run had already finished.
      expect(run.status).toBe(raced[i]!.stop === 200 ? 'stopped' : 'completed');
      expectRunIntact(run, {
        status: run.status as 'stopped' | 'completed',
        temporalStatus: 'COMPLETED',
        completedNodes: run.status === 'completed' ? ['in', 'a', 'out'] : run.nodesWithOutput,
        otherNodes: run.nodeRows.filter((n) => !run.nodesWithOutput.includes(n)),
      });
    }
    expect(later.every((r) => r.status === 409)).toBe(true);
    expect(unchanged).toBe(true);
  });
});
