import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { openDatabase, type DatabaseHandle } from '@trellis/db';
import { mintToken } from '../../apps/api/src/auth/jwt';
import { connectTemporal } from '../../apps/api/src/temporal-connection';
import { TEST_JWT_SECRET } from '../stack';
import { call } from './http';
import { killAllServices, startApiProcess, startWorkerProcess, type ApiProcess, type ServiceProcess } from './processes';
import { recordOutcome } from './record';
import { describeRun, expectRunIntact, summarizeRun } from './run-checks';
import { graph, saveWorkflow, seconds, sleep, startExecution, waitForEvent, waitForTerminal } from './run-helpers';

// Separate processes cannot share PGlite; global-setup.ts prints why these are skipped without DATABASE_URL.
const runProcesses = Boolean(process.env.DATABASE_URL);

(runProcesses ? describe : describe.skip)('a human wait against real worker and API processes', () => {
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
      nodes: [graph.input(), { id: 'review', type: 'human', config: { prompt: 'Ship {{ input.topic }}?' } }, graph.transform('after', '"shipped: " & nodes.review'), graph.output()],
      edges: graph.chain('in', 'review', 'after', 'out'),
    };
    const id = await startExecution(api.url, token, await saveWorkflow(api.url, token, definition));
    await waitForEvent(database.db, id, (e) => e.type === 'node.waiting' && e.nodeId === 'review');
    const killedAt = Date.now();
    await worker.kill();
    worker = await startWorker();
    const replacedAfter = Date.now() - killedAt;
    await sleep(500);
    const answer = await call(api.url, 'post', `/api/v1/executions/${id}/nodes/review/answer`, { token, json: { answer: 'yes' } });
    const row = await waitForTerminal(database.db, id);
    const run = await summarizeRun(database.db, temporal, id);
    recordOutcome(
      'the answer is accepted once by the replacement worker; completed with the answer downstream',
      `SIGKILL while waiting; new worker polling after ${seconds(replacedAfter)}; answer → ${answer.status} in ${answer.ms} ms; output ${JSON.stringify(row.outputData)}; ${describeRun(run)}`,
    );
    expect(answer.status).toBe(200);
    expect(row.outputData).toBe('shipped: yes');
    expectRunIntact(run, { status: 'completed', temporalStatus: 'COMPLETED', completedNodes: ['in', 'review', 'after', 'out'] });
    const again = await call(api.url, 'post', `/api/v1/executions/${id}/nodes/review/answer`, { token, json: { answer: 'no' } });
    expect(again.status).toBe(409);
  });
});
