import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Client } from '@temporalio/client';
import { startTemporalDevServer } from '@trellis/devstack';
import { createApp } from '../apps/api/src/app';
import { connectTemporal } from '../apps/api/src/temporal-connection';
import { startTestStack, type TestStack } from './stack';

describe('Temporal unreachable', () => {
  let stack: TestStack;
  afterAll(() => stack?.close());

  it('answers 503 within the call deadline instead of hanging, and /readyz goes red', async () => {
    stack = await startTestStack();
    // An API whose Temporal server goes away: starts and controls must fail fast with 503.
    const doomed = await startTemporalDevServer();
    const { connection, close } = await connectTemporal(doomed.address);
    const app = createApp({
      ...stack.deps,
      temporal: new Client({ connection, namespace: 'default' }),
      settings: { ...stack.deps.settings, temporalCallTimeoutMs: 2_000 },
    });
    // A user of its own: a database kept between runs (DATABASE_URL) still holds earlier runs' rows.
    const auth = `Bearer ${stack.tokenFor(`down-${randomUUID()}`)}`;
    const definition = {
      nodes: [
        { id: 'in', type: 'input', config: {} },
        { id: 'out', type: 'output', config: {} },
      ],
      edges: [{ source: 'in', target: 'out' }],
    };
    const wf = await request(app).post('/api/v1/workflows').set('Authorization', auth).send({ name: 'down', definition }).expect(201);
    await doomed.stop();

    const started = Date.now();
    const res = await request(app).post('/api/v1/executions').set('Authorization', auth).send({ workflow_id: wf.body.id });
    expect([res.status, res.body.error.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    // Without the deadline the SDK keeps retrying for ~19 s; with a 2 s deadline the answer comes well before.
    expect(Date.now() - started).toBeLessThan(12_000);
    const ready = await request(app).get('/readyz').expect(503);
    expect(ready.body.checks).toEqual({ postgres: true, temporal: false });
    // Nothing half-made: the row the start wrote is failed, never left pending.
    const list = await request(app).get('/api/v1/executions').set('Authorization', auth).expect(200);
    expect(list.body.items.map((e: { status: string }) => e.status)).toEqual(['failed']);
    await close(); // stops the retries still running against the dead server
  });
});
