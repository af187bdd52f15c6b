import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../apps/api/src/app';
import type { StartLimits } from '../apps/api/src/limits/limit-settings';
import { waitForStatus } from './engine-helpers';
import { passThroughDefinition as definition } from './small-definitions';
import { startTestStack, type TestStack } from './stack';

describe('rate limits shared by API replicas', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  /** Two API replicas: separate apps (and processes, in production) on the one database. */
  function replicas(limits: Partial<StartLimits>): [Express, Express] {
    const build = () => createApp({ ...stack.deps, settings: { ...stack.deps.settings, limits } });
    return [build(), build()];
  }
  // A user of this run only: buckets live in the database, which may hold earlier runs'.
  const userFor = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

  it('holds one start budget across two replicas, /executions and /execute alike, and answers 429 RATE_LIMITED with Retry-After', async () => {
    const [a, b] = replicas({ startsPerMinute: 4 });
    const auth = `Bearer ${stack.tokenFor(userFor('rl-start'))}`;
    const workflow = await request(a).post('/api/v1/workflows').set('Authorization', auth).send({ name: 'rl', definition }).expect(201);
    const statuses: number[] = [];
    for (const [i, app] of [a, b, a, b, a, b].entries()) {
      const res =
        i === 3
          ? await request(app)
              .post('/api/v1/execute')
              .set('Authorization', auth)
              .send({ workflow_id: `inline-${i}`, definition })
          : await request(app)
              .post('/api/v1/executions')
              .set('Authorization', auth)
              .send({ workflow_id: workflow.body.id, input_data: { i } });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body).toEqual({
          error: { code: 'RATE_LIMITED', message: 'too many starts: at most 4 per minute', details: { limit: 4, class: 'start' } },
        });
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(15);
      }
    }
    expect(statuses).toEqual([202, 202, 202, 202, 429, 429]);
    // Another user's budget is their own.
    const other = `Bearer ${stack.tokenFor(userFor('rl-other'))}`;
    const theirs = await request(b).post('/api/v1/workflows').set('Authorization', other).send({ name: 'rl', definition }).expect(201);
    await request(a).post('/api/v1/executions').set('Authorization', other).send({ workflow_id: theirs.body.id }).expect(202);
  });

  it('limits saves and control actions on the write budget and history reads on their own, across replicas', async () => {
    const user = userFor('rl-write');
    const auth = `Bearer ${stack.tokenFor(user)}`;
    // Set up under generous budgets; a bucket holds at most the capacity of the replica that takes from it.
    const [setup] = replicas({});
    const workflow = await request(setup).post('/api/v1/workflows').set('Authorization', auth).send({ name: 'rl', definition }).expect(201);
    const started = await request(setup)
      .post('/api/v1/executions')
      .set('Authorization', auth)
      .send({ workflow_id: workflow.body.id })
      .expect(202);
    await waitForStatus(stack, started.body.id, 'terminal');

    const [a, b] = replicas({ writesPerMinute: 3, historyReadsPerMinute: 2 });
    await request(b).put(`/api/v1/workflows/${workflow.body.id}`).set('Authorization', auth).send({ name: 'rl2', definition }).expect(200);
    await request(a).put(`/api/v1/workflows/${workflow.body.id}`).set('Authorization', auth).send({ name: 'rl3', definition }).expect(200);
    // The third write is a control action (409: the run has ended) and still counts; the fourth is refused.
    await request(b).post(`/api/v1/executions/${started.body.id}/pause`).set('Authorization', auth).expect(409);
    const refused = await request(a).post(`/api/v1/executions/${started.body.id}/cancel`).set('Authorization', auth);
    expect([refused.status, refused.body.error?.code, refused.body.error?.details?.class]).toEqual([429, 'RATE_LIMITED', 'write']);
    const save = await request(b).post('/api/v1/workflows').set('Authorization', auth).send({ name: 'rl3', definition });
    expect(save.status).toBe(429);
    // Reads that cost nothing are not limited.
    await request(a).get(`/api/v1/executions/${started.body.id}`).set('Authorization', auth).expect(200);

    const history = [];
    for (const app of [a, b, a])
      history.push((await request(app).get(`/api/v1/executions/${started.body.id}/history`).set('Authorization', auth)).status);
    expect(history).toEqual([200, 200, 429]);
  });
});
