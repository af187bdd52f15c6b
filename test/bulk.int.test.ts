import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { executions, findExecution } from '@trellis/db';
import { waitingDefinition as waiting } from './bulk-definitions';
import { saveHistoryFixture, waitForStatus } from './engine-helpers';
import { startTestStack, waitFor, type TestStack } from './stack';

const tag = randomUUID().slice(0, 8);

describe('bulk actions', () => {
  let stack: TestStack;
  const auth = (user: string) => `Bearer ${stack.tokenFor(user)}`;
  const bulk = (user: string, body: object) =>
    request(stack.app).post('/api/v1/executions/bulk').set('Authorization', auth(user)).send(body);
  const progress = (user: string, bulkId: string) => request(stack.app).get(`/api/v1/bulk/${bulkId}`).set('Authorization', auth(user));

  async function startWaiting(user: string, n: number): Promise<string[]> {
    const workflow = await request(stack.app)
      .post('/api/v1/workflows')
      .set('Authorization', auth(user))
      .send({ name: 'bulk', definition: waiting })
      .expect(201);
    const ids: string[] = [];
    for (let i = 0; i < n; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, n - i) }, () =>
          request(stack.app)
            .post('/api/v1/executions')
            .set('Authorization', auth(user))
            .send({ workflow_id: workflow.body.id })
            .expect(202),
        ),
      );
      ids.push(...batch.map((res) => res.body.id as string));
    }
    await waitFor(
      () => countWithStatus(ids, 'waiting'),
      (k) => k === ids.length,
      120_000,
    );
    return ids;
  }

  async function countWithStatus(ids: string[], status: 'waiting' | 'cancelled'): Promise<number> {
    const [row] = await stack.database.db
      .select({ n: count() })
      .from(executions)
      .where(and(inArray(executions.id, ids), eq(executions.status, status)));
    return Number(row?.n ?? 0);
  }

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('cancels 200 running runs in the background, with its progress readable while it runs', async () => {
    const user = `bulk-ann-${tag}`;
    const ids = await startWaiting(user, 200);
    const started = await bulk(user, { action: 'cancel', filter: { status: ['waiting'] } }).expect(202);
    expect(started.body).toMatchObject({ total: 200 });
    const seen: Array<{ status: string; done: number }> = [];
    const read = async () => {
      const body = (await progress(user, started.body.bulk_id).expect(200)).body;
      seen.push(body);
      return body;
    };
    const done = await waitFor(read, (p) => p.status !== 'running', 120_000);
    expect(seen[0]).toMatchObject({ status: 'running', total: 200 });
    expect(seen[0]!.done).toBeLessThan(200);
    const counts = seen.map((p) => p.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(done).toMatchObject({ status: 'completed', total: 200, done: 200, failed: 0, errors: [] });
    await waitFor(
      () => countWithStatus(ids, 'cancelled'),
      (k) => k === 200,
      60_000,
    );
    await saveHistoryFixture(stack, `bulk:${user}:${started.body.bulk_id}`, 'bulk-cancel');
  }, 180_000);

  it("never touches another user's runs, whether by filter or by id", async () => {
    const [ann, bob] = [`bulk-cy-${tag}`, `bulk-dee-${tag}`];
    const [mine, theirs] = [await startWaiting(ann, 3), await startWaiting(bob, 2)];
    const byFilter = await bulk(ann, { action: 'cancel', filter: { status: 'waiting' } }).expect(202);
    expect(byFilter.body.total).toBe(3);
    const byId = await bulk(ann, { action: 'stop', ids: [...theirs, 'no-such-run'] }).expect(202);
    expect(byId.body.total).toBe(0);
    await waitFor(
      () => progress(ann, byFilter.body.bulk_id).then((r) => r.body),
      (p) => p.status === 'completed',
    );
    await waitFor(
      () => countWithStatus(mine, 'cancelled'),
      (k) => k === 3,
    );
    expect(await countWithStatus(theirs, 'waiting')).toBe(2);
    await progress(bob, byFilter.body.bulk_id).expect(404);
    for (const id of theirs) await request(stack.app).post(`/api/v1/executions/${id}/cancel`).set('Authorization', auth(bob)).expect(200);
  });

  it('deletes finished runs, reports the live ones it could not delete, and refuses a request with neither ids nor filter', async () => {
    const user = `bulk-eve-${tag}`;
    const [finished, live] = await startWaiting(user, 2);
    await request(stack.app).post(`/api/v1/executions/${finished}/cancel`).set('Authorization', auth(user)).expect(200);
    await waitForStatus(stack, finished!, 'cancelled');
    const started = await bulk(user, { action: 'delete', ids: [finished, live] }).expect(202);
    const done = await waitFor(
      () => progress(user, started.body.bulk_id).then((r) => r.body),
      (p) => p.status === 'completed',
    );
    expect(done).toMatchObject({ total: 2, done: 1, failed: 1, errors: [{ execution_id: live, code: 'EXECUTION_LIVE' }] });
    expect(await findExecution(stack.database.db, finished!)).toBeUndefined();
    await bulk(user, { action: 'delete' }).expect(422);
    await request(stack.app).post(`/api/v1/executions/${live}/cancel`).set('Authorization', auth(user)).expect(200);
  });
});
