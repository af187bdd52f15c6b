import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { listEvents, openDatabase, type DatabaseHandle } from '@trellis/db';
import { mintToken } from '../../apps/api/src/auth/jwt';
import { connectTemporal } from '../../apps/api/src/temporal-connection';
import { TEST_JWT_SECRET } from '../stack';
import { call, poll } from './http';
import { killAllServices, startApiProcess, startWorkerProcess, type ApiProcess, type ServiceProcess } from './processes';
import { recordOutcome } from './record';
import { describeRun, expectRunIntact, summarizeRun } from './run-checks';
import { graph, saveWorkflow, seconds, sleep, startExecution, waitForEvent, waitForTerminal } from './run-helpers';

// Separate processes cannot share PGlite; global-setup.ts prints why these are skipped without DATABASE_URL.
const runProcesses = Boolean(process.env.DATABASE_URL);

(runProcesses ? describe : describe.skip)('human waits and bulk actions against real worker and API processes', () => {
  const address = process.env.TEMPORAL_ADDRESS!;
  const taskQueue = `faults-human-${randomUUID()}`;
  const user = `faults-human-${Date.now()}`;
  const token = mintToken({ sub: user, secret: TEST_JWT_SECRET });
  let database: DatabaseHandle;
  let temporalConnection: Awaited<ReturnType<typeof connectTemporal>> | undefined;
  let temporal: Client;
  let worker: ServiceProcess;
  let api: ApiProcess;
  const startWorker = () => startWorkerProcess({ temporalAddress: address, taskQueue });

  beforeAll(async () => {
    database = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 5 });
    temporalConnection = await connectTemporal(address);
    temporal = new Client({ connection: temporalConnection.connection, namespace: 'default' });
    [worker, api] = await Promise.all([startWorker(), startApiProcess({ temporalAddress: address, taskQueue })]);
  });
  afterAll(async () => {
    await killAllServices();
    await temporalConnection?.close();
    await database?.close();
  });

  it('[F8] a worker SIGKILLed while a run waits for a person is replaced; the answer still completes the run', async () => {
    const definition = {
      nodes: [
        graph.input(),
        { id: 'review', type: 'human', config: { prompt: 'Ship {{ input.topic }}?' } },
        graph.transform('after', '"shipped: " & nodes.review'),
        graph.output(),
      ],
      edges: graph.chain('in', 'review', 'after', 'out'),
    };
    const id = await startExecution(api.url, token, await saveWorkflow(api.url, token, definition));
    await waitForEvent(database.db, id, (e) => e.type === 'node.waiting' && e.nodeId === 'review');
    const killedAt = Date.now();
    await worker.kill();
    worker = await startWorker();
    const replacedAfter = Date.now() - killedAt;
    await sleep(500);
    // A client retries a 503 (the update was not confirmed in time while the worker was being replaced): safe, as a
    // repeat of an accepted answer succeeds.
    const send = () => call(api.url, 'post', `/api/v1/executions/${id}/nodes/review/answer`, { token, json: { answer: 'yes' } });
    const unconfirmed: number[] = [];
    let answer = await send();
    while (answer.status === 503 && unconfirmed.length < 5) {
      unconfirmed.push(answer.ms);
      answer = await send();
    }
    const row = await waitForTerminal(database.db, id);
    const run = await summarizeRun(database.db, temporal, id);
    recordOutcome(
      'the answer is accepted once by the replacement worker; completed with the answer downstream',
      `SIGKILL while waiting; new worker polling after ${seconds(replacedAfter)}; answer → ${unconfirmed.map((t) => `503 after ${t} ms, `).join('')}${answer.status} in ${answer.ms} ms; output ${JSON.stringify(row.outputData)}; ${describeRun(run)}`,
    );
    expect(answer.status).toBe(200);
    expect(row.outputData).toBe('shipped: yes');
    expectRunIntact(run, { status: 'completed', temporalStatus: 'COMPLETED', completedNodes: ['in', 'review', 'after', 'out'] });
    const again = await call(api.url, 'post', `/api/v1/executions/${id}/nodes/review/answer`, { token, json: { answer: 'no' } });
    expect(again.status).toBe(409);
  });

  it('[F9] a worker SIGKILLed in the middle of a bulk cancel is replaced; the bulk action finishes and cancels each run once', async () => {
    const definition = {
      nodes: [graph.input(), { id: 'ask', type: 'human', config: { prompt: 'go?' } }, graph.output()],
      edges: graph.chain('in', 'ask', 'out'),
    };
    const workflowId = await saveWorkflow(api.url, token, definition);
    const ids: string[] = [];
    for (let i = 0; i < 100; i += 10)
      ids.push(...(await Promise.all(Array.from({ length: 10 }, () => startExecution(api.url, token, workflowId)))));
    await Promise.all(ids.map((id) => waitForEvent(database.db, id, (e) => e.type === 'execution.waiting')));
    const started = await call(api.url, 'post', '/api/v1/executions/bulk', { token, json: { action: 'cancel', ids } });
    expect(started.status).toBe(202);
    const bulkId = started.body.bulk_id as string;
    const read = () => call(api.url, 'get', `/api/v1/bulk/${bulkId}`, { token });
    await poll(read, (r) => Number(r.body.done) > 0, 60_000, 50);
    const killedAt = Date.now();
    await worker.kill();
    const doneAtKill = Number((await read().catch(() => ({ body: { done: NaN } }))).body.done);
    worker = await startWorker();
    const finished = await poll(read, (r) => r.body.status === 'completed', 180_000, 500);
    const rows = await Promise.all(ids.map((id) => waitForTerminal(database.db, id)));
    const cancelledEvents = await Promise.all(
      ids.map(async (id) => (await listEvents(database.db, { executionId: id })).filter((e) => e.type === 'execution.cancelled').length),
    );
    recordOutcome(
      'the bulk action completes after the restart: every run cancelled, each exactly once',
      `SIGKILL with ${Number.isNaN(doneAtKill) ? 'some' : doneAtKill} of ${ids.length} done; finished ${seconds(Date.now() - killedAt)} after the kill: done ${finished.body.done}, failed ${finished.body.failed}; runs cancelled ${rows.filter((r) => r.status === 'cancelled').length}; execution.cancelled events per run ${Math.min(...cancelledEvents)}–${Math.max(...cancelledEvents)}`,
    );
    expect(finished.body).toMatchObject({ status: 'completed', total: 100, done: 100, failed: 0 });
    expect(rows.every((r) => r.status === 'cancelled')).toBe(true);
    expect(cancelledEvents.every((n) => n === 1)).toBe(true);
  });
});
