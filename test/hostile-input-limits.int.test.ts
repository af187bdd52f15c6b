import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../apps/api/src/app';
import type { StartLimits } from '../apps/api/src/limits/limit-settings';
import { waitingDefinition } from './bulk-definitions';
import { nodesById, startRun, waitForStatus } from './engine-helpers';
import { startTestStack, waitFor, type TestStack } from './stack';
import { passThroughDefinition } from './small-definitions';

const tag = randomUUID().slice(0, 8);

describe('limits on answer links, answers and bulk actions', () => {
  let stack: TestStack;
  const auth = (user: string) => `Bearer ${stack.tokenFor(user)}`;

  /** An API replica with these settings; by default behind a proxy on loopback that names the client in X-Forwarded-For. */
  function replica(settings: { limits?: Partial<StartLimits>; bodyLimit?: string; trustProxy?: string }): Express {
    return createApp({ ...stack.deps, settings: { ...stack.deps.settings, trustProxy: 'loopback', ...settings } });
  }

  async function waitingRun(user: string): Promise<string> {
    const id = await startRun(stack, user, waitingDefinition);
    await waitFor(
      () => nodesById(stack, id),
      (nodes) => nodes.ask?.status === 'waiting',
    );
    return id;
  }

  const linkTo = async (user: string, id: string): Promise<string> =>
    (await request(stack.app).post(`/api/v1/executions/${id}/nodes/ask/answer-links`).set('Authorization', auth(user)).expect(201)).body
      .url;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('limits answer-link requests per client address with 429 RATE_LIMITED and Retry-After', async () => {
    const user = `limits-ann-${tag}`;
    const id = await waitingRun(user);
    const url = await linkTo(user, id);
    const app = replica({ limits: { answerLinkRequestsPerMinute: 3 } });
    // Addresses of this run only (documentation prefix 2001:db8::/32): buckets live in the database, which may hold earlier runs'.
    const [client, other] = [`2001:db8::${tag.slice(0, 4)}:1`, `2001:db8::${tag.slice(4, 8)}:2`];
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await request(app).get(url).set('X-Forwarded-For', client)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await request(app).post(url).set('X-Forwarded-For', client).send({ answer: 'go' }).expect(429);
    expect(refused.body.error).toEqual({
      code: 'RATE_LIMITED',
      message: 'too many answer-link requests: at most 3 per minute',
      details: { limit: 3, class: 'answer-link' },
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another address has its own budget, and the link was not used up by the refusals.
    await request(app).post(url).set('X-Forwarded-For', other).send({ answer: 'go' }).expect(200);
    await waitForStatus(stack, id, 'completed');
  });

  it('takes the client address from the trusted proxy only, so a client cannot pick a fresh budget by forging X-Forwarded-For', async () => {
    const user = `limits-xff-${tag}`;
    const url = await linkTo(user, await waitingRun(user));
    const app = replica({ limits: { answerLinkRequestsPerMinute: 2 } });
    // The client forges a new address each time; the proxy on loopback appends the address it saw.
    const real = `2001:db8::${tag.slice(0, 4)}:3`;
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const forwarded = `2001:db8::${tag.slice(4, 8)}:${i + 10}, ${real}`;
      statuses.push((await request(app).get(url).set('X-Forwarded-For', forwarded)).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('refuses an answer larger than a node output may be (422), through the API and through a link, which stays usable', async () => {
    const user = `limits-bo-${tag}`;
    const id = await waitingRun(user);
    const app = replica({ bodyLimit: '4mb' });
    const huge = 'x'.repeat(1_100_000);
    const direct = await request(app)
      .post(`/api/v1/executions/${id}/nodes/ask/answer`)
      .set('Authorization', auth(user))
      .send({ answer: huge })
      .expect(422);
    expect(direct.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'answer', message: expect.stringContaining('the limit is 1048576') }],
    });
    const url = await linkTo(user, id);
    const viaLink = await request(app)
      .post(url)
      .send({ answer: { text: huge } })
      .expect(422);
    expect(viaLink.body.error.code).toBe('VALIDATION_FAILED');
    await request(app).post(url).send({ answer: 'small enough' }).expect(200);
    expect(await waitForStatus(stack, id, 'terminal')).toMatchObject({ status: 'completed' });
  });

  it('charges a bulk action one write per 20 executions it covers', async () => {
    const [small, large] = [`limits-cy-${tag}`, `limits-dee-${tag}`];
    const finished = async (user: string, n: number) => {
      const ids = await Promise.all(Array.from({ length: n }, () => startRun(stack, user, passThroughDefinition)));
      for (const id of ids) await waitForStatus(stack, id, 'terminal');
      return ids;
    };
    const app = replica({ limits: { writesPerMinute: 3 } });
    const bulkStop = (user: string, ids: string[]) =>
      request(app).post('/api/v1/executions/bulk').set('Authorization', auth(user)).send({ action: 'stop', ids });

    const [one] = await finished(small, 1);
    for (let i = 0; i < 3; i++) await bulkStop(small, [one!]).expect(202);
    await bulkStop(small, [one!]).expect(429);

    const many = await finished(large, 41);
    expect((await bulkStop(large, many).expect(202)).body.total).toBe(41);
    const refused = await bulkStop(large, [many[0]!]).expect(429);
    expect(refused.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { class: 'write', limit: 3 } });
  }, 120_000);
});
