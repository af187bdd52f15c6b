import request from 'supertest';
import { startRun, waitForStatus } from './engine-helpers';
import { startTestStack, type TestStack } from './stack';

/** in (with `schema`) → out. */
const graph = (schema: unknown) => ({
  nodes: [
    { id: 'in', type: 'input', config: { schema } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [{ source: 'in', target: 'out' }],
});

const order = {
  $defs: { sku: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' } },
  type: 'object',
  properties: {
    sku: { $ref: '#/$defs/sku' },
    email: { type: 'string', format: 'email' },
    channel: { enum: ['web', 'phone'], default: 'web' },
  },
  required: ['sku', 'email'],
  additionalProperties: false,
};

describe('JSON Schemas of input nodes', () => {
  let stack: TestStack;
  const auth = (user: string) => `Bearer ${stack.tokenFor(user)}`;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('refuses a schema Ajv cannot compile on create and on update with 422, naming the node and the reason', async () => {
    const hostile = graph({ type: 'string', pattern: '^(a|aa)+\\1$' });
    const created = await request(stack.app)
      .post('/api/v1/workflows')
      .set('Authorization', auth('js-a'))
      .send({ name: 'bad', definition: hostile })
      .expect(422);
    expect(created.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(created.body.error.details).toEqual([
      expect.objectContaining({
        code: 'INVALID_CONFIG',
        node_id: 'in',
        path: ['nodes', 0, 'config', 'schema'],
        message: expect.stringContaining('cannot run in linear time (RE2)'),
      }),
    ]);

    const saved = await request(stack.app)
      .post('/api/v1/workflows')
      .set('Authorization', auth('js-a'))
      .send({ name: 'ok', definition: graph(order) })
      .expect(201);
    const updated = await request(stack.app)
      .put(`/api/v1/workflows/${saved.body.id}`)
      .set('Authorization', auth('js-a'))
      .send({ definition: graph({ type: 'string', format: 'phone-number' }) })
      .expect(422);
    expect(updated.body.error.details).toEqual([
      expect.objectContaining({ node_id: 'in', message: expect.stringContaining('unknown format "phone-number"') }),
    ]);
    expect(
      (await request(stack.app).get(`/api/v1/workflows/${saved.body.id}`).set('Authorization', auth('js-a')).expect(200)).body.version,
    ).toBe(1);
  });

  it('runs valid input with its defaults filled in, and fails input breaking pattern, format or additionalProperties with INPUT_INVALID', async () => {
    const good = await startRun(stack, 'js-b', graph(order), { sku: 'ABC-1234', email: 'ada@example.com' });
    expect((await waitForStatus(stack, good, 'terminal')).outputData).toEqual({
      sku: 'ABC-1234',
      email: 'ada@example.com',
      channel: 'web',
    });

    const bad = await startRun(stack, 'js-b', graph(order), { sku: 'abc-1', email: 'not-an-email', extra: 1 });
    const row = await waitForStatus(stack, bad, 'terminal');
    expect(row.status).toBe('failed');
    expect(row.error).toMatchObject({ code: 'INPUT_INVALID' });
    const problems = (row.error as { details: { problems: Array<{ path: string }> } }).details.problems;
    expect(problems.map((p) => p.path).sort()).toEqual(['$.email', '$.extra', '$.sku']);
  });
});
